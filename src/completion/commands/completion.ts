import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import {
  bashScript,
  fishScript,
  zshScript,
  type CommandSpec,
  type CompletionWords,
} from '../core/completion.js';
import { LANGUAGES } from '../../judge/core/problem-schema.js';
import { TOPICS } from '../../feed/core/topics.js';
import { listProblems } from '../../judge/io/problem-store.js';
import { builtLessons } from '../../learn/io/lessons.js';
import { loadSources } from '../../feed/io/source-store.js';

export const completionOptionsSchema = z.object({
  shell: z.enum(['bash', 'zsh', 'fish']),
});
export type CompletionOptions = z.infer<typeof completionOptionsSchema>;

/** The names the script offers, read from the content installed now. */
async function contentWords(context: Context): Promise<CompletionWords> {
  const { lessons } = await builtLessons().index();
  const problems = listProblems();
  // Your own feed sources too; a broken feeds.json must not cost the rest of the script.
  const sources = await loadSources(context).then(
    (list) => list.map((source) => source.id),
    () => [] as string[],
  );
  return {
    lessons: lessons.flatMap((lesson) => [lesson.id, ...lesson.aliases]),
    problems: problems.flatMap((problem) => [problem.id, ...(problem.aliases ?? [])]),
    languages: [...LANGUAGES],
    sources,
    topics: TOPICS.map((topic) => topic.id),
  };
}

/** `pixel completion bash|zsh|fish`: the script on stdout, to be sourced or saved. */
export async function completion(
  options: CompletionOptions,
  context: Context,
  commands: CommandSpec[],
): Promise<string> {
  const content = await contentWords(context);
  // Each visualisation declares its own options (--lr): `pixel viz` offers them all.
  const vizOptions = listProblems().flatMap((problem) =>
    (problem.visualisation?.options ?? []).map((option) => ({
      long: `--${option.flag}`,
      value: 'none' as const,
      description: `${option.description} (${problem.id})`,
    })),
  );
  const specs = commands.map((spec) =>
    spec.path === 'viz' ? { ...spec, options: [...spec.options, ...vizOptions] } : spec,
  );
  const script =
    options.shell === 'bash'
      ? bashScript(specs, content)
      : options.shell === 'zsh'
        ? zshScript(specs, content)
        : fishScript(specs, content);
  context.stdout.write(script);
  return script;
}
