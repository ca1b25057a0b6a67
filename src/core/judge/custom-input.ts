import type { CaseInput, Parameter } from './problem-schema.js';

/**
 * Checks an input object (from `pixel test --input`) against the problem's parameters and
 * returns it normalised, or the list of everything wrong with it. Python spellings of the names
 * (learning_rate) are accepted too.
 */
export function validateInput(
  raw: unknown,
  parameters: readonly Parameter[],
): { ok: true; input: CaseInput } | { ok: false; problems: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: ['the input must be a JSON object'] };
  }
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  const input: CaseInput = {};
  const known = new Set(parameters.flatMap((p) => [p.name, p.pythonName ?? p.name]));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) problems.push(`unknown field "${key}"`);
  }
  for (const parameter of parameters) {
    const value = record[parameter.name] ?? record[parameter.pythonName ?? parameter.name];
    const label = `"${parameter.name}"`;
    if (value === undefined) {
      problems.push(`missing ${label} (${parameter.description})`);
      continue;
    }
    if (parameter.type === 'number[]') {
      if (
        !Array.isArray(value) ||
        !value.every((v) => typeof v === 'number' && Number.isFinite(v))
      ) {
        problems.push(`${label} must be an array of finite numbers`);
        continue;
      }
      const numbers = value as number[];
      if (parameter.minLength !== undefined && numbers.length < parameter.minLength)
        problems.push(`${label} needs at least ${parameter.minLength} value(s)`);
      if (parameter.maxLength !== undefined && numbers.length > parameter.maxLength)
        problems.push(`${label} may hold at most ${parameter.maxLength} values`);
      if (numbers.some((v) => outOfRange(v, parameter)))
        problems.push(`${label} values must be within ${rangeText(parameter)}`);
      input[parameter.name] = numbers;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${label} must be a finite number`);
      continue;
    }
    if (parameter.type === 'integer' && !Number.isInteger(value))
      problems.push(`${label} must be a whole number`);
    if (outOfRange(value, parameter))
      problems.push(`${label} must be within ${rangeText(parameter)}`);
    input[parameter.name] = value;
  }
  for (const parameter of parameters) {
    const other = parameter.sameLengthAs;
    const mine = input[parameter.name];
    const theirs = other === undefined ? undefined : input[other];
    if (Array.isArray(mine) && Array.isArray(theirs) && mine.length !== theirs.length)
      problems.push(`"${parameter.name}" and "${other}" must have the same length`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}

function outOfRange(value: number, parameter: Parameter): boolean {
  return (
    (parameter.min !== undefined && value < parameter.min) ||
    (parameter.max !== undefined && value > parameter.max)
  );
}

function rangeText(parameter: Parameter): string {
  return `[${parameter.min ?? '-∞'}, ${parameter.max ?? '∞'}]`;
}
