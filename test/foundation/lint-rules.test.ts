/**
 * The layering rules of eslint.config.js, probed with imports they must refuse (and some they
 * must allow), from files at several depths: a pattern that only matched `../io/*` once let 22
 * of 31 core files import io unnoticed.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-pixel.js';

let eslint: ESLint;

beforeAll(() => {
  // The probes are virtual files, in no tsconfig, so the project service cannot type them: lint
  // them by syntax alone. The layering rules under test need no types and come unchanged from
  // eslint.config.js.
  eslint = new ESLint({ cwd: REPO_ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** The no-restricted-imports messages for one import line in a (virtual) file. */
async function restrictedImports(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = x;\n`, {
    filePath: join(REPO_ROOT, file),
  });
  const messages = result?.messages ?? [];
  // A probe that does not parse would pass every `allows` case: fail loudly instead.
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe("every feature's core/ stays pure at any depth", () => {
  it.each([
    ['src/shared/core/probe.ts', "import { x } from '../io/paths.js';"],
    ['src/feed/core/probe.ts', "import { x } from '../io/cache-store.js';"],
    ['src/feed/core/probe.ts', "import { x } from '../../judge/io/evaluate.js';"],
    ['src/judge/core/deep/probe.ts', "import { x } from '../../../shared/ui/theme.js';"],
    ['src/viz/core/a/b/probe.ts', "import { x } from '../../../../learn/commands/learn.js';"],
    ['src/feed/core/probe.ts', "import { x } from '../../program.js';"],
    ['src/learn/core/probe.ts', "import { x } from 'node:fs';"],
    ['src/judge/core/probe.ts', "import { x } from 'fs/promises';"],
    ['src/judge/core/probe.ts', "import { x } from 'chalk';"],
    ['src/feed/core/probe.ts', "import { x } from 'ink';"],
  ])('%s: refuses %s', async (file, line) => {
    expect(await restrictedImports(file, line)).toHaveLength(1);
  });

  it.each([
    ['src/feed/core/probe.ts', "import { x } from '../../shared/core/sanitize.js';"],
    ['src/feed/core/probe.ts', "import { x } from './item.js';"],
    ['src/viz/core/probe.ts', "import { x } from '../../judge/core/compare.js';"],
    ['src/shared/core/probe.ts', "import * as x from 'zod/mini';"],
    ['src/shared/io/probe.ts', "import { x } from 'node:fs';"],
    ['src/feed/io/probe.ts', "import { x } from '../core/item.js';"],
  ])('%s: allows %s', async (file, line) => {
    expect(await restrictedImports(file, line)).toEqual([]);
  });
});

describe('commands do not import commander', () => {
  it.each(['src/feed/commands/probe.ts', 'src/judge/commands/deep/probe.ts'])(
    'refuses commander in %s',
    async (file) => {
      expect(await restrictedImports(file, "import { x } from 'commander';")).toHaveLength(1);
    },
  );
});
