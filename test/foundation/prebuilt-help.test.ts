/**
 * When pixel prints the help the build rendered (src/prebuilt-help.ts) instead of building the
 * program: `--help`, `-h` or a bare call, alone, into an output without colour, not a terminal,
 * at the width the page was rendered for. cli.e2e.test.ts holds the page equal to commander's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREBUILT_HELP_FILE, prebuiltHelp } from '../../src/prebuilt-help.js';
import { captureStream, fakeContext } from '../helpers/fake-context.js';

let folder: string;
const page = 'Usage: pixel [options] [command]\n';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pixel-help-'));
  await writeFile(join(folder, PREBUILT_HELP_FILE), page);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const context = (stdout = captureStream(), color = false) =>
  fakeContext('/nonexistent-pixel-home', { stdout, color });

describe('prebuiltHelp', () => {
  it('gives the page for --help and -h alone, into a plain 80-column output', () => {
    expect(prebuiltHelp(['--help'], context(), folder)).toBe(page);
    expect(prebuiltHelp(['-h'], context(), folder)).toBe(page);
  });

  it('leaves every other request to commander', () => {
    for (const words of [['help'], ['--no-color', '--help'], ['learn', '--help'], ['--version']]) {
      expect(prebuiltHelp(words, context(), folder), words.join(' ')).toBeUndefined();
    }
    expect(prebuiltHelp(['--help'], context(captureStream(), true), folder)).toBeUndefined();
    expect(
      prebuiltHelp(['--help'], context(captureStream({ isTTY: true })), folder),
    ).toBeUndefined();
    expect(
      prebuiltHelp(['--help'], context(captureStream({ columns: 100 })), folder),
    ).toBeUndefined();
  });

  it('falls back to commander when there is no page (the sources, or an older build)', () => {
    expect(prebuiltHelp(['--help'], context(), join(folder, 'missing'))).toBeUndefined();
  });
});
