import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runPixel } from '../helpers/run-pixel.js';

/**
 * `pixel completion`: each script is loaded into its real shell and asked what it completes,
 * as the shell asks when Tab is pressed. Shells that are not installed are skipped.
 */
const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;
let temp: { dir: string; cleanup: () => Promise<void> };
const scripts: Record<string, string> = {};
beforeAll(async () => {
  temp = await makeTempDir();
  const env = { PIXEL_HOME: join(temp.dir, 'home') };
  for (const shell of ['bash', 'zsh', 'fish']) {
    const run = await runPixel(['completion', shell], { env });
    expect(run.code, run.stderr).toBe(0);
    scripts[shell] = join(temp.dir, `pixel.${shell}`);
    await writeFile(scripts[shell], run.stdout);
  }
});
afterAll(() => temp.cleanup());

/** What bash offers for the words typed so far (the last one being completed). */
function bashOffers(...words: string[]): string[] {
  const quoted = words.map((word) => `'${word}'`).join(' ');
  const run = spawnSync(
    'bash',
    [
      '-c',
      `source '${scripts.bash}'; COMP_WORDS=(pixel ${quoted}); COMP_CWORD=${words.length}; _pixel; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8', cwd: temp.dir },
  );
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean);
}

describe('pixel completion bash', () => {
  it('completes commands, options, lessons, problems, languages, sources and topics', () => {
    expect(bashOffers('')).toEqual(
      expect.arrayContaining(['learn', 'solve', 'viz', 'solution', 'reset', 'completion', 'feed']),
    );
    expect(bashOffers('so')).toEqual(['solve', 'solution']);
    expect(bashOffers('learn', 'gr')).toEqual(['gradient-descent', 'gradient']);
    expect(bashOffers('solve', '--lang', '')).toEqual(['python', 'javascript', 'typescript']);
    expect(bashOffers('solve', 'g')).toEqual(['gradient-descent', 'gd']);
    expect(bashOffers('submit', '--n')).toEqual(['--no-speed']);
    expect(bashOffers('viz', 'gd', '--i')).toEqual(['--iterations']);
    expect(bashOffers('feed', '--source', 'open')).toEqual(['openai']);
    expect(bashOffers('feed', '--topic', 'r')).toEqual(['rl', 'robotics']);
    expect(bashOffers('feed', 'en')).toEqual(['enable']);
    expect(bashOffers('feed', 'disable', 'deep')).toEqual(['deepmind']);
    expect(bashOffers('progress', '--reset', 'ms')).toEqual(['mse']);
    expect(bashOffers('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(bashOffers('help', 'fe')).toEqual(['feed']);
  });

  it('refuses a shell it does not know', async () => {
    const run = await runPixel(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.",
    );
  });
});

describe.skipIf(!has('zsh'))('pixel completion zsh', () => {
  it('parses, and offers the same names through compadd and _describe', () => {
    // The completion system's functions stand in as recorders: what the script would offer.
    const run = spawnSync(
      'zsh',
      [
        '-c',
        `compdef() { :; }
compadd() { [[ "$1" == -- ]] && shift; print -r -- "$*"; }
_describe() { local name=$2; print -r -- "\${(P)name}"; }
_files() { print -r -- files; }
source '${scripts.zsh}'
words=(pixel learn gr); CURRENT=3; _pixel
words=(pixel feed --topic ''); CURRENT=4; _pixel
words=(pixel ''); CURRENT=2; _pixel`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const [lessons, topics, commands] = run.stdout.split('\n');
    expect(lessons?.split(' ')).toEqual(
      expect.arrayContaining(['gradient-descent', 'gd', 'mlops']),
    );
    expect(topics).toBe('cv nlp rl generative mlops safety robotics science');
    expect(commands).toContain('viz:watch a problem');
  });
});

describe.skipIf(!has('fish'))('pixel completion fish', () => {
  it('completes with fish itself', () => {
    const offers = (line: string) =>
      spawnSync('fish', ['-c', `source '${scripts.fish}'; complete -C '${line}'`], {
        encoding: 'utf8',
      })
        .stdout.split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0]);
    expect(offers('pixel so')).toEqual(['solution', 'solve']);
    expect(offers('pixel learn gr')).toEqual(['gradient', 'gradient-descent']);
    expect(offers('pixel solve --lang ')).toEqual(['javascript', 'python', 'typescript']);
    expect(offers('pixel feed --topic r')).toEqual(['rl', 'robotics']);
    expect(offers('pixel viz gd --l')).toEqual(['--lr']);
  });
});
