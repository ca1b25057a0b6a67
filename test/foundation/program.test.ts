/**
 * The argument layer on its own (changesets' cli.test.ts): a fresh createProgram() per row, the
 * command functions replaced by recorders, so each row says which command an argv reaches and
 * with which parsed options; and every kind of usage error, as the UsageError main.ts prints.
 * No process is spawned and no command runs.
 */
import { CommanderError } from 'commander';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_FEATURES } from '../../src/command-features.js';
import { UsageError } from '../../src/errors.js';
import { createProgram } from '../../src/program.js';
import { fakeContext } from '../helpers/fake-context.js';

const calls = vi.hoisted(() => [] as { command: string; options: unknown }[]);

/** Keeps a command module's schemas and replaces its command functions with recorders. */
function recorders(names: readonly string[]) {
  return async (importOriginal: () => Promise<Record<string, unknown>>) => ({
    ...(await importOriginal()),
    ...Object.fromEntries(
      names.map((name) => [
        name,
        (options: unknown) => {
          calls.push({ command: name, options });
          return Promise.resolve();
        },
      ]),
    ),
  });
}

vi.mock('../../src/learn/commands/learn.js', () =>
  recorders(['learn'])(() => vi.importActual('../../src/learn/commands/learn.js')),
);
vi.mock('../../src/learn/commands/progress.js', () =>
  recorders(['progress'])(() => vi.importActual('../../src/learn/commands/progress.js')),
);
vi.mock('../../src/judge/commands/solve.js', () =>
  recorders(['solve'])(() => vi.importActual('../../src/judge/commands/solve.js')),
);
vi.mock('../../src/judge/commands/test-solution.js', () =>
  recorders(['test'])(() => vi.importActual('../../src/judge/commands/test-solution.js')),
);
vi.mock('../../src/judge/commands/submit.js', () =>
  recorders(['submit'])(() => vi.importActual('../../src/judge/commands/submit.js')),
);
vi.mock('../../src/judge/commands/reset.js', () =>
  recorders(['reset'])(() => vi.importActual('../../src/judge/commands/reset.js')),
);
vi.mock('../../src/judge/commands/solution.js', () =>
  recorders(['solution'])(() => vi.importActual('../../src/judge/commands/solution.js')),
);
vi.mock('../../src/viz/commands/viz.js', () =>
  recorders(['viz'])(() => vi.importActual('../../src/viz/commands/viz.js')),
);
vi.mock('../../src/completion/commands/completion.js', () =>
  recorders(['completion'])(() => vi.importActual('../../src/completion/commands/completion.js')),
);
vi.mock('../../src/judge/commands/problems.js', () =>
  recorders(['problems'])(() => vi.importActual('../../src/judge/commands/problems.js')),
);
vi.mock('../../src/judge/commands/hint.js', () =>
  recorders(['hint'])(() => vi.importActual('../../src/judge/commands/hint.js')),
);
vi.mock('../../src/judge/commands/watch.js', () =>
  recorders(['watch'])(() => vi.importActual('../../src/judge/commands/watch.js')),
);
vi.mock('../../src/feed/commands/list.js', () =>
  recorders(['feedList'])(() => vi.importActual('../../src/feed/commands/list.js')),
);
vi.mock('../../src/feed/commands/sources.js', () =>
  recorders(['feedSources'])(() => vi.importActual('../../src/feed/commands/sources.js')),
);
vi.mock('../../src/feed/commands/manage.js', () =>
  recorders(['feedAdd', 'feedRemove', 'feedEnable', 'feedDisable'])(() =>
    vi.importActual('../../src/feed/commands/manage.js'),
  ),
);
vi.mock('../../src/feed/commands/opml.js', () =>
  recorders(['feedImport', 'feedExport'])(() => vi.importActual('../../src/feed/commands/opml.js')),
);

beforeEach(() => {
  calls.length = 0;
});

/**
 * Parses argv twice: with the whole program, and as main.ts builds it (only the command the
 * first word names). Both must reach the same command with the same options, print the same and
 * fail the same way.
 */
async function parse(argv: string[]) {
  const parseBuilt = async (firstWord: string | undefined) => {
    calls.length = 0;
    const context = fakeContext('/nonexistent-pixel-home');
    const error = await createProgram(context, { firstWord })
      .parseAsync(argv, { from: 'user' })
      .then(
        () => undefined,
        (thrown: unknown) => (thrown instanceof Error ? thrown : new Error(String(thrown))),
      );
    return { calls: [...calls], stdout: context.stdout.text, stderr: context.stderr.text, error };
  };
  const whole = await parseBuilt(undefined);
  expect(await parseBuilt(argv[0])).toEqual(whole);
  if (whole.error !== undefined) throw whole.error;
  return whole;
}

async function usageError(argv: string[]): Promise<UsageError> {
  const error = await parse(argv).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `${argv.join(' ')} should be refused`).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('argv → command and options', () => {
  it.each([
    [['learn'], 'learn', { pager: true }],
    [['learn', 'mlops'], 'learn', { topic: 'mlops', pager: true }],
    [
      ['learn', 'linear', 'regression', '--json'],
      'learn',
      { topic: 'linear regression', json: true, pager: true },
    ],
    [['learn', 'gd', '--no-pager'], 'learn', { topic: 'gd', pager: false }],
    [['learn', '--pick'], 'learn', { pick: true, pager: true }],
    [['--no-color', 'learn', 'mse'], 'learn', { topic: 'mse', pager: true }],
    [['progress', '--json'], 'progress', { json: true }],
    [['solve', 'gradient-descent'], 'solve', { problem: 'gradient-descent', lang: 'python' }],
    [
      ['solve', 'gradient-descent', '--lang', 'typescript', '--dir', 'gd', '--force', '--json'],
      'solve',
      { problem: 'gradient-descent', lang: 'typescript', dir: 'gd', force: true, json: true },
    ],
    [['test'], 'test', {}],
    [
      ['test', 'sol.py', '--problem', 'gradient-descent', '--input', '@case.json'],
      'test',
      { path: 'sol.py', problem: 'gradient-descent', input: '@case.json' },
    ],
    [
      ['submit', '--json', '--lang', 'javascript'],
      'submit',
      { json: true, lang: 'javascript', speed: true },
    ],
    [['submit', '--no-speed'], 'submit', { speed: false }],
    [['progress', '--reset'], 'progress', { reset: true }],
    [['progress', '--reset', 'mse', '--yes'], 'progress', { reset: 'mse', yes: true }],
    [['reset', 'ws', '-y'], 'reset', { path: 'ws', yes: true }],
    [['solution'], 'solution', { pager: true }],
    [
      ['solution', 'gd', '--lang', 'typescript', '--json'],
      'solution',
      { problem: 'gd', lang: 'typescript', json: true, pager: true },
    ],
    [['viz'], 'viz', { words: [] }],
    [
      ['viz', 'gd', '--lr', '0.05', '--iterations', '200', '--data', 'p.csv', '--json'],
      'viz',
      {
        problem: 'gd',
        words: ['--lr', '0.05', '--iterations', '200', '--data', 'p.csv', '--json'],
      },
    ],
    [['completion', 'fish'], 'completion', { shell: 'fish' }],
    [['problems'], 'problems', {}],
    [
      ['hint', '--all', '--problem', 'gradient-descent'],
      'hint',
      { all: true, problem: 'gradient-descent' },
    ],
    [['watch', 'ws', '--poll'], 'watch', { path: 'ws', poll: true }],
    [['feed'], 'feedList', {}],
    [
      [
        'feed',
        '--source',
        'openai',
        'deepmind',
        '--tag',
        'research',
        '--since',
        '7d',
        '-n',
        '5',
        '--ndjson',
      ],
      'feedList',
      { source: ['openai', 'deepmind'], tag: ['research'], since: '7d', limit: '5', ndjson: true },
    ],
    [
      ['feed', 'list', '--offline', '--long', '--max-age', '1h', '--timeout', '5s'],
      'feedList',
      { offline: true, long: true, maxAge: '1h', timeout: '5s' },
    ],
    [
      ['feed', 'sources', '--json', '-t', 'research'],
      'feedSources',
      { json: true, tag: ['research'] },
    ],
    [
      [
        'feed',
        'add',
        'https://example.org/feed.xml',
        '--name',
        'Example',
        '--id',
        'ex',
        '--tag',
        'a',
        'b',
        '--home',
        'https://example.org',
      ],
      'feedAdd',
      {
        url: 'https://example.org/feed.xml',
        name: 'Example',
        id: 'ex',
        tag: ['a', 'b'],
        home: 'https://example.org',
        // --no-check turns the feed check off; by default pixel fetches the feed first.
        check: true,
      },
    ],
    [['feed', 'remove', 'openai'], 'feedRemove', { id: 'openai' }],
    [['feed', 'enable', 'openai'], 'feedEnable', { id: 'openai' }],
    [['feed', 'disable', 'openai'], 'feedDisable', { id: 'openai' }],
    [['feed', 'import', 'subs.opml'], 'feedImport', { file: 'subs.opml' }],
    [['feed', 'export', '--all'], 'feedExport', { all: true }],
  ] as const)('%j → %s %j', async (argv, command, options) => {
    const result = await parse([...argv]);
    expect(result.calls).toEqual([{ command, options }]);
  });

  it.each([
    [['--help']],
    [['help']],
    [['help', 'submit']],
    [['learn', '--help']],
    [['feed', 'add', '-h']],
  ])('%j prints help on stdout and runs no command', async (argv) => {
    const error = await parse([...argv]).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    // `pixel help` returns normally; --help ends through commander's exitOverride.
    if (error !== undefined) {
      expect(error).toBeInstanceOf(CommanderError);
      expect((error as CommanderError).exitCode).toBe(0);
    }
    expect(calls).toEqual([]);
  });

  it('prints the version for -V and --version', async () => {
    for (const flag of ['-V', '--version']) {
      const context = fakeContext('/nonexistent-pixel-home');
      const error = await createProgram(context)
        .parseAsync([flag], { from: 'user' })
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error).toMatchObject({ code: 'commander.version', exitCode: 0 });
      expect(context.stdout.text).toBe('0.0.0-test\n');
    }
  });
});

describe('building only the command the first word names', () => {
  const names = (firstWord?: string) =>
    createProgram(fakeContext('/nonexistent-pixel-home'), { firstWord }).commands.map((command) =>
      command.name(),
    );

  it('builds that command alone, with its subcommands', () => {
    expect(names('learn')).toEqual(['learn']);
    expect(names('feed')).toEqual(['feed']);
    const feed = createProgram(fakeContext('/nonexistent-pixel-home'), { firstWord: 'feed' })
      .commands[0];
    expect(feed?.commands.map((command) => command.name())).toContain('import');
  });

  it('names a feature (a bundle of dist/) for every command but help', () => {
    // The shim starts a command's feature bundle, which holds that feature's commands only.
    expect(
      names()
        .filter((name) => name !== 'help')
        .sort(),
    ).toEqual(Object.keys(COMMAND_FEATURES).sort());
  });

  it('builds every command for help, completion, an option first or an unknown word', () => {
    const every = names();
    expect(every).toHaveLength(14);
    for (const firstWord of ['help', 'completion', '--no-color', '--help', 'lern', 'toString']) {
      expect(names(firstWord), firstWord).toEqual(every);
    }
  });
});

describe('every usage error is a UsageError with a hint (exit 2)', () => {
  it.each([
    [['lern'], "unknown command 'lern'", "did you mean learn? See 'pixel --help'."],
    [['feed', 'lsit'], "unknown feed command 'lsit'", "did you mean list? see 'pixel feed --help'"],
    [['help', 'sbumit'], "unknown command 'sbumit'", /^did you mean submit\?/],
    [['--colour'], "unknown option '--colour'", /^did you mean --color\?|see 'pixel --help'/],
    [
      ['learn', '--jsn'],
      "unknown option '--jsn'",
      "did you mean --json? See 'pixel learn --help'.",
    ],
    [
      ['progress', 'extra'],
      "too many arguments for 'progress'. Expected 0 arguments but got 1.",
      "see 'pixel progress --help'",
    ],
    [
      ['solve', '--lang', 'rust'],
      /option '--lang <language>' argument 'rust' is invalid/,
      "see 'pixel solve --help'",
    ],
    [['solve', '--dir'], "option '--dir <dir>' argument missing", "see 'pixel solve --help'"],
    [['solve', 'gd', '--dir', ''], /^invalid option: --dir: /, 'see the command with --help'],
    [['feed', 'add'], "missing required argument 'url'", "see 'pixel feed add --help'"],
    [['feed', 'remove'], "missing required argument 'id'", "see 'pixel feed remove --help'"],
    [
      ['feed', 'import', 'a', 'b'],
      /too many arguments for 'import'/,
      "see 'pixel feed import --help'",
    ],
    [
      ['feed', '--limit'],
      "option '-n, --limit <n>' argument missing",
      "see 'pixel feed list --help'",
    ],
    [['hint', '--problem'], "option '--problem <id>' argument missing", "see 'pixel hint --help'"],
  ] as const)('%j: %s', async (argv, message, hint) => {
    const error = await usageError([...argv]);
    expect(error.exitCode).toBe(2);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    if (typeof hint === 'string') expect(error.hint).toBe(hint);
    else expect(error.hint).toMatch(hint);
    expect(calls).toEqual([]);
  });
});
