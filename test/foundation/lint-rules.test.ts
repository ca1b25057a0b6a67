/**
 * The layering rules of eslint.config.js, probed with imports they must refuse (and some they
 * must allow), from files at several depths: a pattern that only matched `../io/*` once let 22
 * of 31 core files import io unnoticed.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-pixel.js';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

/** The no-restricted-imports messages for one import line in a (virtual) file. */
async function restrictedImports(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = x;\n`, {
    filePath: join(REPO_ROOT, file),
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('src/core stays pure at any depth', () => {
  it.each([
    ['src/core/probe.ts', "import { x } from '../io/paths.js';"],
    ['src/core/feed/probe.ts', "import { x } from '../../io/feed/cache-store.js';"],
    ['src/core/judge/deep/probe.ts', "import { x } from '../../../ui/theme.js';"],
    ['src/core/a/b/c/probe.ts', "import { x } from '../../../../commands/learn.js';"],
    ['src/core/feed/probe.ts', "import { x } from '../../program.js';"],
    ['src/core/probe.ts', "import { x } from 'node:fs';"],
    ['src/core/judge/probe.ts', "import { x } from 'fs/promises';"],
    ['src/core/judge/probe.ts', "import { x } from 'chalk';"],
    ['src/core/feed/probe.ts', "import { x } from 'ink';"],
  ])('%s: refuses %s', async (file, line) => {
    expect(await restrictedImports(file, line)).toHaveLength(1);
  });

  it.each([
    ['src/core/feed/probe.ts', "import { x } from '../sanitize.js';"],
    ['src/core/probe.ts', "import { x } from './judge/compare.js';"],
    ['src/core/probe.ts', "import * as x from 'zod/mini';"],
    ['src/io/probe.ts', "import { x } from 'node:fs';"],
    ['src/io/feed/probe.ts', "import { x } from '../../core/feed/item.js';"],
  ])('%s: allows %s', async (file, line) => {
    expect(await restrictedImports(file, line)).toEqual([]);
  });
});

describe('commands do not import commander', () => {
  it('refuses commander in a command at any depth', async () => {
    expect(
      await restrictedImports('src/commands/feed/probe.ts', "import { x } from 'commander';"),
    ).toHaveLength(1);
  });
});
