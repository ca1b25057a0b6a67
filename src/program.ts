/**
 * createProgram(): every command, option and help text of pixel, in one place. Each action only
 * lazy-imports its command module, validates the options with that module's zod schema and calls
 * it, so `pixel --help` loads no command code at all.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { parseOptions } from './options.js';
import { quoted, sanitizeText } from './shared/core/sanitize.js';
import { suggestClosest } from './shared/core/suggest.js';
import { kindOfName, type CommandSpec, type OptionSpec } from './completion/core/completion.js';

/**
 * commander's usage errors (`error: unknown option '--jsn'` and its `(Did you mean --json?)`)
 * as a UsageError, so main.ts prints them like every other error: message, hint, exit 2.
 * Help and version requests pass through as commander threw them.
 */
export function usageErrorFrom(error: CommanderError, command: string): Error {
  if (error.exitCode === 0) return error;
  const lines = error.message
    .trim()
    .replace(/^error:\s*/, '')
    .split('\n')
    .map((line) => sanitizeText(line, { singleLine: true }));
  const suggestion = lines.find((line) => /^\(Did you mean/.test(line));
  const message = lines.filter((line) => line !== suggestion).join(' ');
  const hint = suggestion
    ? `${suggestion.replace(/^\((.*)\)$/, '$1').replace(/^Did/, 'did')} See '${command} --help'.`
    : `see '${command} --help'`;
  return new UsageError(message, { hint, cause: error });
}

/** `pixel feed list` for the feed's list command: the words a user types to reach it. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}

/**
 * The command tree as plain data for `pixel completion`: every command and feed subcommand,
 * its options (with the kind of value each takes) and the kind of its positional words.
 */
function describeCommands(program: Command): CommandSpec[] {
  const describe = (command: Command, path: string): CommandSpec[] => {
    // `pixel feed --topic cv` reaches the default subcommand (list): its options are feed's too.
    const defaultName = (command as unknown as { _defaultCommandName?: string })
      ._defaultCommandName;
    const fallback = command.commands.find((sub) => sub.name() === defaultName);
    const options: OptionSpec[] = [...command.options, ...(fallback?.options ?? [])]
      .filter((option) => option.long !== undefined)
      .map((option) => {
        const name = option.attributeName();
        const takesValue = option.required || option.optional;
        return {
          long: option.long as string,
          ...(option.short ? { short: option.short } : {}),
          ...(takesValue ? { value: kindOfName(name, option.argChoices, 'option') } : {}),
          description: option.description,
        };
      });
    const argument = command.registeredArguments[0];
    const own: CommandSpec = {
      path,
      description: command.description(),
      options: [...options, { long: '--help', short: '-h', description: 'show help' }],
      positional: argument ? kindOfName(argument.name(), argument.argChoices, 'argument') : 'none',
      subcommands: command.commands.map((sub) => sub.name()),
    };
    return [own, ...command.commands.flatMap((sub) => describe(sub, `${path} ${sub.name()}`))];
  };
  return program.commands.flatMap((command) => describe(command, command.name()));
}

/** Commands that read the whole tree: help lists the others, completion describes them all. */
const NEEDS_EVERY_COMMAND: ReadonlySet<string> = new Set(['help', 'completion']);

export interface ProgramOptions {
  /**
   * The first word of the command line. When it names a command that works on its own, only
   * that command is built: building all fourteen with their options cost `pixel learn` 4M
   * instructions (docs/architecture.md, "Start-up"). Anything else (a global option first, a
   * typo, help) gets the whole program, so suggestions and help see every command.
   */
  firstWord?: string;
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function createProgram(context: Context, options: ProgramOptions = {}): Command {
  const program = new Command('pixel');

  const configure = (command: Command): Command =>
    command
      .exitOverride((error) => {
        throw usageErrorFrom(error, commandPath(command));
      })
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => context.stdout.write(text),
        writeErr: (text) => context.stderr.write(text),
        getOutHelpWidth: () => context.stdout.columns,
        getErrHelpWidth: () => context.stderr.columns,
        // commander's own answer reads process.stdout.isTTY, which builds process.stdout.
        getOutHasColors: () => context.color,
        getErrHasColors: () => context.stderrColor,
        // Printed by main.ts, from the UsageError thrown above.
        outputError: () => undefined,
      });

  configure(program)
    .description('A terminal tutor and judge for machine learning.')
    .version(context.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'turn off colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .addHelpText(
      'after',
      examples(
        'pixel learn mlops              # read a lesson',
        'pixel solve                    # scaffold the next exercise',
        'pixel test                     # run its public examples',
        'pixel submit                   # judge it on hidden cases',
        'pixel hint                     # the next hint',
        'pixel feed                     # the latest AI & ML research posts',
      ),
    );

  const addCommand = (name: string): Command => configure(program.command(name));
  /** Each top-level command's builder, in the order help lists them; run at the end. */
  const builders = new Map<string, (command: Command) => void>();
  const define = (name: string, build: (command: Command) => void) => {
    builders.set(name, build);
  };

  // pixel learn ---------------------------------------------------------------------------------
  define('learn', (command) =>
    command
      .description('list the lessons, or read one in the terminal')
      .argument(
        '[topic...]',
        'lesson id, alias or name (e.g. mlops, gd, linear regression); omit to list the lessons',
      )
      .option('--json', 'print data as JSON instead of text')
      .option('--no-pager', 'do not page long lessons')
      .option('--pick', 'choose the lesson from an interactive list (in a terminal)')
      .option('--quiz', "take the lesson's quick check: one question at a time in a terminal")
      .option('--plain', 'with --quiz: print the questions instead of asking them')
      .option('--answers', 'with --quiz: print the questions with their answers and why')
      .addHelpText(
        'after',
        examples(
          'pixel learn',
          'pixel learn mlops',
          'pixel learn gd --no-pager',
          'pixel learn --pick',
          'pixel learn mse --quiz            # answer the quick check; the score goes in progress',
          'pixel learn mse --quiz --answers  # the questions with their answers',
          'pixel learn --json',
        ),
      )
      .action(async (words: string[], raw: Record<string, unknown>) => {
        const module = await import('./learn/commands/learn.js');
        // `pixel learn linear regression` reads as one topic (spaces match dashes).
        const topic = words.length > 0 ? words.join(' ') : undefined;
        await module.learn(parseOptions(module.learnOptionsSchema, { ...raw, topic }), context);
      }),
  );

  // pixel progress ------------------------------------------------------------------------------
  define('progress', (command) =>
    command
      .description('show the lessons read and the problems solved')
      .option('--json', 'print data as JSON instead of text')
      .option(
        '--reset [what]',
        'forget your progress: everything, or one lesson or problem (id or alias); a copy is kept',
      )
      .option('-y, --yes', 'with --reset: do not ask first')
      .addHelpText(
        'after',
        examples(
          'pixel progress',
          'pixel progress --json',
          'pixel progress --reset mse         # read record and quiz score of one lesson',
          'pixel progress --reset <problem>   # attempts, solved mark and hints of one problem',
          'pixel progress --reset --yes       # everything, without asking',
        ),
      )
      .action(async (raw: Record<string, unknown>) => {
        const module = await import('./learn/commands/progress.js');
        await module.progress(parseOptions(module.progressOptionsSchema, raw), context);
      }),
  );

  // pixel solve / test / submit / problems / hint / watch --------------------------------------
  const languageOption = () =>
    new Option('--lang <language>', 'language of the solution').choices([
      'python',
      'javascript',
      'typescript',
    ]);
  /** What test, submit and watch judge: [path], --problem and --lang (see judge/io/target.ts). */
  const addSolutionTarget = (command: Command): Command =>
    command
      .argument('[path]', 'workspace folder or solution file (default: the workspace around you)')
      .option('--problem <id>', 'problem id, when PATH is a file outside a workspace')
      .addOption(languageOption());

  define('solve', (command) =>
    command
      .description('scaffold an exercise into a folder: statement, starter, editor config')
      .argument(
        '[problem]',
        'problem id or alias (see `pixel problems`); omit for the next on the track',
      )
      .addOption(languageOption().default('python'))
      .option('--dir <dir>', 'folder to create (default: ./<problem>)')
      .option('--force', 'write into a non-empty folder, backing up every file it replaces')
      .option('--json', 'print what was written as JSON')
      .addHelpText(
        'after',
        examples(
          'pixel solve                       # the next unsolved exercise on the track',
          'pixel solve <problem> --lang typescript --dir my-ts',
          'pixel solve <problem> --force     # refresh; replaced files go to .pixel/backup-*/',
        ),
      )
      .action(async (problem: string | undefined, raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/solve.js');
        await module.solve(parseOptions(module.solveOptionsSchema, { ...raw, problem }), context);
      }),
  );

  define('test', (command) =>
    addSolutionTarget(command)
      .description(
        'run the public examples (or your own input) and show each value beside the reference',
      )
      .option('--input <json>', 'a custom input as JSON, or @file.json')
      .option('--json', 'print the results as JSON')
      .addHelpText(
        'after',
        examples(
          'pixel test',
          `pixel test --input '{...}'   # the workspace README shows one for its problem`,
          'pixel test --input @my-case.json --json',
        ),
      )
      .action(async (path: string | undefined, raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/test-solution.js');
        await module.test(parseOptions(module.testOptionsSchema, { ...raw, path }), context);
      }),
  );

  define('submit', (command) =>
    addSolutionTarget(command)
      .description('judge a solution on the public and hidden cases (exit 0 accepted, 1 not)')
      .option('--json', 'print the verdict as JSON')
      .option('--no-speed', 'on acceptance, skip timing the reference solutions for the speed line')
      .addHelpText(
        'after',
        examples(
          'pixel submit',
          'pixel submit --json',
          'pixel submit ~/gd/solution.py',
          'pixel submit attempt.ts --problem <problem>',
        ),
      )
      .action(async (path: string | undefined, raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/submit.js');
        await module.submit(parseOptions(module.submitOptionsSchema, { ...raw, path }), context);
      }),
  );

  define('solution', (command) =>
    command
      .description(
        'after your solution is accepted: the reference in your language, and how it compares',
      )
      .argument('[problem]', "problem id or alias (default: the workspace's)")
      .addOption(languageOption())
      .option('--json', 'print the files and the note as JSON')
      .option('--no-pager', 'do not page a long page')
      .addHelpText(
        'after',
        examples(
          'pixel solution',
          'pixel solution <problem> --lang javascript',
          'pixel solution --json',
        ),
      )
      .action(async (problem: string | undefined, raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/solution.js');
        await module.solution(
          parseOptions(module.solutionOptionsSchema, { ...raw, problem }),
          context,
        );
      }),
  );

  define('reset', (command) =>
    command
      .description("put the starter back in the workspace's solution file (yours is backed up)")
      .argument(
        '[path]',
        'workspace folder or its solution file (default: the workspace around you)',
      )
      .option('-y, --yes', 'do not ask first')
      .option('--json', 'print what was done as JSON')
      .addHelpText(
        'after',
        `${examples('pixel reset', 'pixel reset --yes', 'pixel reset ~/gd')}\nYour file is copied to .pixel/backup-<time>/ in the workspace before the starter replaces it.\n`,
      )
      .action(async (path: string | undefined, raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/reset.js');
        await module.reset(parseOptions(module.resetOptionsSchema, { ...raw, path }), context);
      }),
  );

  define('problems', (command) =>
    command
      .description('list the exercises, with your attempts and what you have solved')
      .option('--json', 'print the list as JSON')
      .addHelpText('after', examples('pixel problems', 'pixel problems --json'))
      .action(async (raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/problems.js');
        await module.problems(parseOptions(module.problemsOptionsSchema, raw), context);
      }),
  );

  define('hint', (command) =>
    command
      .description('reveal the next hint for the exercise in this folder')
      .option('--all', 'show every hint revealed so far')
      .option('--problem <id>', 'problem id, when not inside a workspace')
      .option('--json', 'print the hints as JSON')
      .addHelpText('after', examples('pixel hint', 'pixel hint --all'))
      .action(async (raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/hint.js');
        await module.hint(parseOptions(module.hintOptionsSchema, raw), context);
      }),
  );

  define('watch', (command) =>
    addSolutionTarget(command)
      .description('re-run the public examples every time you save; keys to submit and get hints')
      .option(
        '--poll',
        'poll for changes (for network or WSL folders where change events never come)',
      )
      .addHelpText(
        'after',
        `${examples('pixel watch', 'pixel watch --poll')}\nKeys: r or Enter re-run · s submit · h next hint · ↑↓ PgUp PgDn scroll · q quit\n`,
      )
      .action(async (path: string | undefined, raw: Record<string, unknown>) => {
        const module = await import('./judge/commands/watch.js');
        await module.watch(parseOptions(module.watchOptionsSchema, { ...raw, path }), context);
      }),
  );

  // pixel viz -----------------------------------------------------------------------------------
  define('viz', (command) =>
    command
      .description("watch a problem's algorithm run: its reference, step by step (in a terminal)")
      .argument('[problem]', 'problem id or alias; omit to list the problems that have one')
      .argument('[options...]', "the visualisation's own options, e.g. --lr 0.05 (see `pixel viz`)")
      .option('--data <file>', 'your own data: one row a line, columns as `pixel viz` lists them')
      .option('--json', 'print the end of the run and its curve as JSON')
      // Each problem declares its own options (problem.json "visualisation"): they are read by
      // the command, not by commander.
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .addHelpText(
        'after',
        `${examples(
          'pixel viz                           # the problems with a visualisation, and their options',
          'pixel viz <problem>                 # play it; keys below',
          'pixel viz <problem> --data my.csv   # on your own points',
          'pixel viz <problem> | cat           # the end of the run as a static picture',
        )}\nKeys: space play/pause · → one step · + and − the rate · r restart · q quit\n`,
      )
      .action(
        async (problem: string | undefined, words: string[], raw: Record<string, unknown>) => {
          const module = await import('./viz/commands/viz.js');
          const passed = [
            ...words,
            ...(typeof raw.data === 'string' ? ['--data', raw.data] : []),
            ...(raw.json === true ? ['--json'] : []),
          ];
          await module.viz(
            parseOptions(module.vizOptionsSchema, { problem, words: passed }),
            context,
          );
        },
      ),
  );

  // pixel feed ----------------------------------------------------------------------------------
  define('feed', (feed) => {
    feed
      .description('the latest posts from AI & ML research blogs (OpenAI, DeepMind, ...)')
      .addHelpText(
        'after',
        examples(
          'pixel feed                          # latest posts, numbered; ● marks what is new',
          'pixel feed --topic cv --since 7d    # computer vision posts of the last week',
          'pixel feed --source openai deepmind # only these sources',
          'pixel feed --unread --long          # unread posts with their summaries',
          'pixel feed open 3                   # post 3 in the browser',
          'pixel feed read all                 # mark the listing read',
          'pixel feed -i                       # the interactive reader',
          'pixel feed --json | jq ".[0]"',
          'pixel feed sources                  # what is on the list',
          'pixel feed add https://example.org/blog/ --tag research',
        ) +
          '\nListing options (--source, --tag, --topic, --since, --search, --unread, --limit, --json,\n' +
          "--ndjson, --long, --refresh, --offline, --verbose, -i): see 'pixel feed list --help'.\n" +
          'Topics: cv, nlp, rl, generative, mlops, safety, robotics, science.\n',
      );
    const addFeedCommand = (name: string, options?: { isDefault?: boolean }): Command =>
      configure(feed.command(name, options));

    addFeedCommand('list', { isDefault: true })
      .description('list the latest posts, newest first (the default)')
      .option('-s, --source <id...>', 'only these sources (ids from `pixel feed sources`)')
      .option('-t, --tag <tag...>', 'only sources with one of these tags (research, industry, ...)')
      .option(
        '--topic <topic...>',
        'only posts on these subfields: cv, nlp, rl, generative, mlops, safety, robotics, science',
      )
      .option('--since <when>', 'only posts since a duration ago (7d, 12h) or a date (2026-11-01)')
      .option('--search <text>', 'only posts whose title, summary or categories contain every word')
      .option('--unread', 'only posts not yet read (opened, or marked with `pixel feed read`)')
      .option('-n, --limit <n>', 'at most n posts (a terminal shows 40 unless asked)')
      .option(
        '--json',
        'print a JSON array of {id, source, title, link, published, summary, categories, authors, topics, new, read, snapshot}',
      )
      .option('--ndjson', 'print one JSON object per line')
      .option('-l, --long', 'show each post’s authors, summary and full link')
      .option('--refresh', 'ask every source now, even if the cache is fresh')
      .option('--offline', 'make no request: cached posts, else the snapshot shipped with pixel')
      .option('--max-age <duration>', 'how long the cache counts as fresh (default 30m)')
      .option('--timeout <duration>', 'per-source time limit (default 15s)')
      .option('-v, --verbose', 'one line for each source that failed, and why')
      .option('-i, --interactive', 'browse in an interactive reader (in a terminal)')
      // `pixel feed lsit` reaches this default command as a stray word: answered below.
      .allowExcessArguments(true)
      .addHelpText(
        'after',
        examples(
          'pixel feed',
          'pixel feed --topic nlp safety --unread',
          'pixel feed --source anthropic --long',
          'pixel feed --since 2026-11-01 --ndjson > posts.ndjson',
          'pixel feed --refresh --timeout 5s --verbose',
          'pixel feed --offline',
        ) +
          '\nPosts are numbered for `pixel feed read N` and `pixel feed open N` (piped: line N).\n' +
          '● new since the last listing · ◌ from the snapshot shipped with pixel · dim: read.\n' +
          'Each source keeps its newest 100 posts; --search and --since look at those.\n' +
          'Reader keys (-i): j/k or arrows move · enter details · o open · / filter · s next source\n' +
          '· u unread only · r refresh · q quit.\n',
      )
      .action(async (raw: Record<string, unknown>, command: Command) => {
        const stray = command.args[0];
        if (stray !== undefined) {
          const names = feed.commands.map((sub) => sub.name());
          throw new UsageError(`unknown feed command ${quoted(stray)}`, {
            hint: `${suggestClosest(stray, names)}see 'pixel feed --help'`,
          });
        }
        const module = await import('./feed/commands/list.js');
        await module.feedList(parseOptions(module.feedListOptionsSchema, raw), context);
      });

    addFeedCommand('read')
      .description('mark posts of the last listing read (or unread) by their numbers')
      .argument('<posts...>', 'numbers from the last listing, ranges such as 2-5, or all')
      .option('--unread', 'mark them unread instead')
      .addHelpText(
        'after',
        examples('pixel feed read 3', 'pixel feed read 1 4-6', 'pixel feed read all'),
      )
      .action(async (posts: string[], raw: Record<string, unknown>) => {
        const module = await import('./feed/commands/reader.js');
        await module.feedRead(
          parseOptions(module.feedReadOptionsSchema, { ...raw, posts }),
          context,
        );
      });

    addFeedCommand('open')
      .description('open a post of the last listing in the browser, and mark it read')
      .argument('<post>', 'its number in the last listing')
      .addHelpText(
        'after',
        `${examples('pixel feed open 3')}\nUses $BROWSER if set, else xdg-open (open on macOS); only http(s) links.\n`,
      )
      .action(async (post: string) => {
        const module = await import('./feed/commands/reader.js');
        await module.feedOpen(parseOptions(module.feedOpenOptionsSchema, { post }), context);
      });

    addFeedCommand('sources')
      .description('list the feed sources: id, name, on/off, official or community, tags')
      .option('--json', 'print data as JSON instead of text')
      .option('-t, --tag <tag...>', 'only sources with one of these tags')
      .addHelpText('after', examples('pixel feed sources', 'pixel feed sources --json'))
      .action(async (raw: Record<string, unknown>) => {
        const module = await import('./feed/commands/sources.js');
        await module.feedSources(parseOptions(module.feedSourcesOptionsSchema, raw), context);
      });

    addFeedCommand('add')
      .description('add a feed of your own: its address, or a blog page that links to it')
      .argument(
        '<url>',
        'the feed itself, or a blog home page (its feed is found by autodiscovery)',
      )
      .option('--name <name>', 'a display name (default: the feed’s own title)')
      .option('--id <id>', 'a short id for --source (default: made from the name)')
      .option('-t, --tag <tag...>', 'tags, e.g. research nlp')
      .option('--home <url>', 'the blog’s home page')
      .option('--no-check', 'add the address as given, without fetching it first')
      .addHelpText(
        'after',
        examples(
          'pixel feed add https://distill.pub/ --tag research',
          'pixel feed add https://distill.pub/rss.xml --name Distill',
          'pixel feed add https://example.org/atom.xml --id example --no-check',
        ),
      )
      .action(async (url: string, raw: Record<string, unknown>) => {
        const module = await import('./feed/commands/manage.js');
        await module.feedAdd(parseOptions(module.feedAddOptionsSchema, { ...raw, url }), context);
      });

    for (const [name, description, run] of [
      ['remove', 'remove a source from your list (a default comes back with enable)', 'feedRemove'],
      ['enable', 'turn a source on (also brings back a removed default)', 'feedEnable'],
      ['disable', 'turn a source off without removing it', 'feedDisable'],
    ] as const) {
      addFeedCommand(name)
        .description(description)
        .argument('<id>', 'the source id (see `pixel feed sources`)')
        .addHelpText('after', examples(`pixel feed ${name} openai`))
        .action(async (id: string) => {
          const module = await import('./feed/commands/manage.js');
          await module[run](parseOptions(module.feedIdOptionsSchema, { id }), context);
        });
    }

    addFeedCommand('import')
      .description('add the feeds of an OPML file (exported from another reader)')
      .argument('<file>', 'an OPML file, or - for stdin')
      .option('--max <n>', 'import at most this many new feeds (default 200)')
      .option('-v, --verbose', 'list every feed added or skipped')
      .addHelpText(
        'after',
        examples('pixel feed import subscriptions.opml', 'pixel feed import - < subs.opml'),
      )
      .action(async (file: string, raw: Record<string, unknown>) => {
        const module = await import('./feed/commands/opml.js');
        await module.feedImport(
          parseOptions(module.feedImportOptionsSchema, { ...raw, file }),
          context,
        );
      });

    addFeedCommand('export')
      .description('print your enabled sources as OPML 2.0 on stdout')
      .option('--all', 'include disabled sources too')
      .addHelpText('after', examples('pixel feed export > pixel-feeds.opml'))
      .action(async (raw: Record<string, unknown>) => {
        const module = await import('./feed/commands/opml.js');
        await module.feedExport(parseOptions(module.feedExportOptionsSchema, raw), context);
      });
  });

  // pixel completion ----------------------------------------------------------------------------
  define('completion', (command) =>
    command
      .description('print a shell completion script: commands, options, lessons, problems, sources')
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
      .addHelpText(
        'after',
        examples(
          'source <(pixel completion bash)      # in ~/.bashrc',
          'source <(pixel completion zsh)       # in ~/.zshrc, after compinit',
          'pixel completion fish > ~/.config/fish/completions/pixel.fish',
        ),
      )
      .action(async (shell: string) => {
        const module = await import('./completion/commands/completion.js');
        await module.completion(
          parseOptions(module.completionOptionsSchema, { shell }),
          context,
          describeCommands(program),
        );
      }),
  );

  // pixel help [command]: commander's built-in help command shows the top-level help for an
  // unknown name and exits 0; a typo deserves the same exit 2 and suggestion as anywhere else.
  program.helpCommand(false);
  define('help', (command) =>
    command
      .description('show help for a command')
      .argument('[command...]', 'the command to explain, with its subcommand if any')
      .addHelpText('after', examples('pixel help', 'pixel help submit', 'pixel help feed list'))
      .action((words: string[]) => {
        let found: Command = program;
        for (const name of words) {
          const next = found.commands.find(
            (command) => command.name() === name || command.aliases().includes(name),
          );
          if (!next) {
            const names = found.commands.map((command) => command.name());
            const where = commandPath(found);
            throw new UsageError(
              `unknown command ${quoted([where, name].join(' ').replace(/^pixel /, ''))}`,
              {
                hint: `${suggestClosest(name, names)}see '${where} --help' for the list`,
              },
            );
          }
          found = next;
        }
        return found.outputHelp();
      }),
  );

  const { firstWord } = options;
  const alone =
    firstWord !== undefined && builders.has(firstWord) && !NEEDS_EVERY_COMMAND.has(firstWord);
  for (const [name, build] of builders) {
    if (!alone || name === firstWord) build(addCommand(name));
  }
  return program;
}
