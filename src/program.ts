/**
 * createProgram(): every command, option and help text of pixel, in one place. Each action only
 * lazy-imports its command module, validates the options with that module's zod schema and calls
 * it, so `pixel --help` loads no command code at all.
 */
import { Command } from 'commander';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { parseOptions } from './options.js';
import { suggestClosest } from './core/suggest.js';

/** Turns commander's `error: ...` lines into pixel's `pixel: ...` / `hint: ...` shape. */
function formatCommanderError(text: string, command: string): string {
  const lines = text
    .trim()
    .replace(/^error:\s*/, '')
    .split('\n');
  const suggestion = lines.find((line) => /^\(Did you mean/.test(line));
  const message = lines.filter((line) => line !== suggestion).join(' ');
  const hint = suggestion
    ? `${suggestion.replace(/^\((.*)\)$/, '$1').replace(/^Did/, 'did')} See '${command} --help'.`
    : `see '${command} --help'`;
  return `pixel: ${message}\nhint: ${hint}\n`;
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function createProgram(context: Context): Command {
  const program = new Command('pixel');

  const configure = (command: Command): Command =>
    command
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => context.stdout.write(text),
        writeErr: (text) => context.stderr.write(text),
        getOutHelpWidth: () => context.stdout.columns,
        getErrHelpWidth: () => context.stderr.columns,
        outputError: (text, write) =>
          write(
            formatCommanderError(
              text,
              command.name() === 'pixel' ? 'pixel' : `pixel ${command.name()}`,
            ),
          ),
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
        'pixel solve gradient-descent   # scaffold an exercise',
        'pixel test                     # run its public examples',
        'pixel submit                   # judge it on hidden cases',
        'pixel hint                     # the next hint',
        'pixel feed                     # the latest AI & ML research posts',
      ),
    );

  const addCommand = (name: string): Command => configure(program.command(name));

  // pixel learn ---------------------------------------------------------------------------------
  addCommand('learn')
    .description('list the lessons, or read one in the terminal')
    .argument('[topic]', 'lesson id or alias (e.g. mlops, gd); omit to list the lessons')
    .option('--json', 'print data as JSON instead of text')
    .option('--no-pager', 'do not page long lessons')
    .addHelpText(
      'after',
      examples(
        'pixel learn',
        'pixel learn mlops',
        'pixel learn gd --no-pager',
        'pixel learn --json',
      ),
    )
    .action(async (topic: string | undefined, raw: Record<string, unknown>) => {
      const module = await import('./commands/learn.js');
      await module.learn(parseOptions(module.learnOptionsSchema, { ...raw, topic }), context);
    });

  // pixel progress ------------------------------------------------------------------------------
  addCommand('progress')
    .description('show the lessons read and the problems solved')
    .option('--json', 'print data as JSON instead of text')
    .addHelpText('after', examples('pixel progress', 'pixel progress --json'))
    .action(async (raw: Record<string, unknown>) => {
      const module = await import('./commands/progress.js');
      await module.progress(parseOptions(module.progressOptionsSchema, raw), context);
    });

  // pixel solve / test / submit / hint: the judge work adds these here ------------------------

  // pixel feed: the feed work adds it here -------------------------------------------------------

  // pixel help [command]: commander's built-in help command shows the top-level help for an
  // unknown name and exits 0; a typo deserves the same exit 2 and suggestion as anywhere else.
  program.helpCommand(false);
  addCommand('help')
    .description('show help for a command')
    .argument('[command]', 'the command to explain')
    .addHelpText('after', examples('pixel help', 'pixel help submit'))
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const found = program.commands.find(
        (command) => command.name() === name || command.aliases().includes(name),
      );
      if (found) return found.outputHelp();
      const names = program.commands.map((command) => command.name());
      throw new UsageError(`unknown command '${name}'`, {
        hint: `${suggestClosest(name, names)}see 'pixel --help' for the list`,
      });
    });

  return program;
}
