import { formatNumber } from './compare.js';
import type {
  InputValue,
  JudgeCase,
  Language,
  Parameter,
  Problem,
  ReturnShape,
} from './problem-schema.js';
import { leafNames, leafOf, type NamedNumber } from './shape.js';

/** How a parameter is spelled in a language (Python learners see snake_case). */
export function parameterName(problem: Problem, name: string, language: Language): string {
  const parameter = problem.parameters.find((p) => p.name === name);
  return language === 'python' ? (parameter?.pythonName ?? name) : name;
}

const TS_TYPES: Record<Parameter['type'], string> = {
  number: 'number',
  integer: 'number',
  'number[]': 'number[]',
  'integer[]': 'number[]',
  'number[][]': 'number[][]',
};

function typescriptReturn(shape: ReturnShape): string {
  const leaf = (kind: 'number' | 'list') => (kind === 'list' ? 'number[]' : 'number');
  switch (shape.kind) {
    case 'number':
    case 'list':
      return leaf(shape.kind);
    case 'tuple':
      return `[${shape.items.map((item) => leaf(item.kind)).join(', ')}]`;
    case 'record':
      return `{ ${shape.fields.map((field) => `${field.name}: ${leaf(field.kind)}`).join('; ')} }`;
  }
}

/** What the function returns, in words a learner of that language reads. */
export function describeReturn(shape: ReturnShape, language: Language): string {
  const names = leafNames(shape).join(', ');
  switch (shape.kind) {
    case 'number':
      return 'a number';
    case 'list':
      return language === 'python' ? 'a list of numbers' : 'an array of numbers';
    case 'tuple':
      return language === 'python' ? `(${names})` : `[${names}]`;
    case 'record':
      return language === 'python' ? `a dict with keys ${names}` : `an object { ${names} }`;
  }
}

export function signatureOf(problem: Problem, language: Language): string {
  const entry = problem.languages[language].entry;
  const names = problem.parameters.map((p) => parameterName(problem, p.name, language));
  const returns = describeReturn(problem.returns, language);
  switch (language) {
    case 'python':
      return `def ${entry}(${names.join(', ')}):  # returns ${returns}`;
    case 'javascript':
      return `export function ${entry}(${names.join(', ')}) // returns ${returns}`;
    case 'typescript': {
      const typed = problem.parameters.map((p) => `${p.name}: ${TS_TYPES[p.type]}`);
      return `export function ${entry}(${typed.join(', ')}): ${typescriptReturn(problem.returns)}`;
    }
  }
}

/** An input value as text; long lists show their first `maxItems` items and their length. */
export function formatInputValue(value: InputValue, maxItems = Infinity): string {
  if (!Array.isArray(value)) return formatNumber(value);
  const items = value as ReadonlyArray<number | number[]>;
  const shown = items
    .slice(0, maxItems)
    .map((item) => (Array.isArray(item) ? formatInputValue(item, maxItems) : formatNumber(item)))
    .join(', ');
  return items.length > maxItems ? `[${shown}, … ${items.length} values]` : `[${shown}]`;
}

/** Named numbers back as text: "w = 1.32, b = 0.78", lists whole ("probabilities = [0.5, 0.5]"). */
export function formatNamedNumbers(numbers: readonly NamedNumber[], maxItems = Infinity): string {
  const groups = new Map<string, { list: boolean; values: number[] }>();
  for (const { name, value } of numbers) {
    const leaf = leafOf(name);
    const group = groups.get(leaf) ?? { list: name !== leaf, values: [] };
    group.values.push(value);
    groups.set(leaf, group);
  }
  return [...groups]
    .map(
      ([name, group]) =>
        `${name} = ${group.list ? formatInputValue(group.values, maxItems) : formatNumber(group.values[0] as number)}`,
    )
    .join(', ');
}

/**
 * A `pixel test --input` example for this problem: the first public case as JSON when it is
 * short enough to type, else a pointer to --input @file.json.
 */
export function inputExample(problem: Problem, cases: readonly JudgeCase[]): string {
  const first = cases.find((testCase) => !testCase.hidden);
  const json = first ? JSON.stringify(first.input) : undefined;
  return json && json.length <= 100
    ? `pixel test --input '${json}'`
    : 'pixel test --input @my-case.json';
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
  examples: ReadonlyArray<{ testCase: JudgeCase; expected: readonly NamedNumber[] }>;
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
    const result = formatNamedNumbers(expected, 12);
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
    'These are the public cases; `pixel submit` also runs hidden ones (edge cases and large',
    'inputs). Values are rounded here to 10 significant digits.',
    '',
    ...examples,
    '',
    '## Next',
    '',
    '```sh',
    `pixel test                # run the examples: your values beside the expected ones`,
    `${inputExample(
      problem,
      parts.examples.map((example) => example.testCase),
    )}   # your own input`,
    `pixel submit              # the judge: examples and hidden cases, one verdict`,
    `pixel hint                # stuck? the next hint (pixel hint --all shows those seen)`,
    '```',
    '',
  ].join('\n');
}
