import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, hasControlCharacters, runPixel } from '../helpers/run-pixel.js';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

describe('pixel, the program', () => {
  it('prints its version', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await runPixel([flag]);
      expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('prints help with examples on stdout, for a bare call too', async () => {
    for (const args of [['--help'], []]) {
      const run = await runPixel(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: pixel');
      expect(run.stdout).toMatch(/learn .*\n/);
      expect(run.stdout).toContain('Examples:');
      expect(run.stderr).toBe('');
      expect(hasControlCharacters(run.stdout)).toBe(false);
    }
  });

  it('prints the help the build rendered exactly as commander renders it', async () => {
    // --help, -h and a bare call into a pipe print dist/help.80.txt (src/prebuilt-help.ts);
    // `pixel help` and `--no-color --help` still build the program and render it.
    const rendered = await runPixel(['help']);
    const alsoRendered = await runPixel(['--no-color', '--help']);
    expect(alsoRendered.stdout).toBe(rendered.stdout);
    for (const args of [['--help'], ['-h'], []]) {
      const run = await runPixel(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toBe(rendered.stdout);
    }
    const prebuilt = readFileSync(join(REPO_ROOT, 'dist', 'help.80.txt'), 'utf8');
    expect(prebuilt).toBe(rendered.stdout);
  });

  it('has help with an example for every command', async () => {
    const help = await runPixel(['--help']);
    const names = [...help.stdout.matchAll(/^ {2}([a-z]+)\b/gm)]
      .map((match) => match[1]!)
      .filter((n) => n !== 'pixel');
    expect(names).toEqual(expect.arrayContaining(['learn', 'progress', 'help']));
    for (const name of names) {
      const run = await runPixel(['help', name]);
      expect(run.code, name).toBe(0);
      expect(run.stdout, name).toContain(`Usage: pixel ${name}`);
      expect(run.stdout, name).toContain(`$ pixel ${name === 'help' ? 'help' : name}`);
    }
  });

  it.each([
    [['lern'], "pixel: unknown command 'lern'", 'hint: did you mean learn?'],
    [['help', 'lern'], "pixel: unknown command 'lern'", 'hint: did you mean learn?'],
    [['learn', '--jsn'], "pixel: unknown option '--jsn'", 'hint: did you mean --json?'],
    [['progress', 'extra'], 'pixel: too many arguments', "hint: see 'pixel progress --help'"],
  ])('rejects %j with exit 2, a message and a hint', async (args, message, hint) => {
    const run = await runPixel(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const [first, second] = run.stderr.trimEnd().split('\n');
    expect(first).toContain(message);
    expect(second).toContain(hint);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack of an error only with PIXEL_DEBUG=1', async () => {
    const quiet = await runPixel(['learn', 'a', 'b']);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toMatch(/^pixel: no lesson called 'a b'\nhint: /);
    expect(quiet.stderr).not.toContain('    at ');

    const debug = await runPixel(['learn', 'a', 'b'], { env: { PIXEL_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^pixel: no lesson called 'a b'\nhint: /);
    expect(debug.stderr).toMatch(/\nUsageError: no lesson called 'a b'\n\s+at /);
  });
});
