import { formatNumber } from './compare.js';
import type { JudgeCase, Language, Problem } from './problem-schema.js';

/** How a parameter is spelled in a language (Python learners see snake_case). */
export function parameterName(problem: Problem, name: string, language: Language): string {
  const parameter = problem.parameters.find((p) => p.name === name);
  return language === 'python' ? (parameter?.pythonName ?? name) : name;
}

export function signatureOf(problem: Problem, language: Language): string {
  const entry = problem.languages[language].entry;
  const names = problem.parameters.map((p) => parameterName(problem, p.name, language));
  const returns = problem.returns.join(', ');
  switch (language) {
    case 'python':
      return `def ${entry}(${names.join(', ')}):  # returns (${returns})`;
    case 'javascript':
      return `export function ${entry}(${names.join(', ')}) // returns [${returns}]`;
    case 'typescript': {
      const typed = problem.parameters.map(
        (p) => `${p.name}: ${p.type === 'number[]' ? 'number[]' : 'number'}`,
      );
      const tuple = problem.returns.map(() => 'number').join(', ');
      return `export function ${entry}(${typed.join(', ')}): [${tuple}]`;
    }
  }
}

/** An input value as text; long arrays show their first `maxItems` values and their length. */
export function formatInputValue(value: number | readonly number[], maxItems = Infinity): string {
  if (!Array.isArray(value)) return formatNumber(value as number);
  const items = value as readonly number[];
  const shown = items.slice(0, maxItems).map(formatNumber).join(', ');
  return items.length > maxItems ? `[${shown}, … ${items.length} values]` : `[${shown}]`;
}

const LANGUAGE_LABEL: Record<Language, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
};

/**
 * The README.md a workspace gets: the statement, the learner's signature, the public examples
 * with their expected values (computed from the reference), and what to run next.
 */
export function renderReadme(parts: {
  problem: Problem;
  statement: string;
  language: Language;
  examples: ReadonlyArray<{ testCase: JudgeCase; expected: readonly number[] }>;
}): string {
  const { problem, language } = parts;
  const file = problem.languages[language].file;
  const fence = language === 'python' ? 'python' : language === 'typescript' ? 'ts' : 'js';
  const examples = parts.examples.map(({ testCase, expected }) => {
    const args = problem.parameters
      .map(
        (p) =>
          `${parameterName(problem, p.name, language)} = ${formatInputValue(testCase.input[p.name] ?? 0)}`,
      )
      .join(', ');
    const result = problem.returns
      .map((name, index) => `${name} = ${formatNumber(expected[index] ?? NaN)}`)
      .join(', ');
    return `- **${testCase.id}** (${testCase.description}): ${args} → ${result}`;
  });
  return [
    `# ${problem.title} (${problem.difficulty})`,
    '',
    parts.statement.trim(),
    '',
    `## Your function (${LANGUAGE_LABEL[language]}, in \`${file}\`)`,
    '',
    '```' + fence,
    signatureOf(problem, language),
    '```',
    '',
    '## Examples',
    '',
    'These are the public cases; `pixel submit` also runs hidden ones (edge cases, short and long',
    'runs, and large inputs). Values are rounded here to 10 significant digits.',
    '',
    ...examples,
    '',
    '## Next',
    '',
    '```sh',
    `pixel test                # run the examples: your values beside the expected ones`,
    `pixel test --input '{"x":[1,2],"y":[2,4],"learningRate":0.1,"iterations":1}'`,
    `pixel submit              # the judge: examples and hidden cases, one verdict`,
    `pixel hint                # stuck? the next hint (pixel hint --all shows those seen)`,
    '```',
    '',
  ].join('\n');
}
