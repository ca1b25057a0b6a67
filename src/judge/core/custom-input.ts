import type { CaseInput, InputValue, Parameter } from './problem-schema.js';

/**
 * Checks an input object (from `pixel test --input`, or a shipped case at build time) against
 * the problem's parameters and returns it normalised, or the list of everything wrong with it.
 * Python spellings of the names are accepted too.
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
    if (!known.has(key)) problems.push(`unknown field "${key.slice(0, 40)}"`);
  }
  for (const parameter of parameters) {
    const value = record[parameter.name] ?? record[parameter.pythonName ?? parameter.name];
    if (value === undefined) {
      problems.push(`missing "${parameter.name}" (${parameter.description})`);
      continue;
    }
    const found = checkValue(value, parameter);
    if (typeof found === 'string') problems.push(found);
    // A list with a problem of its own still takes part in the same-length check below.
    input[parameter.name] =
      typeof found === 'string' && Array.isArray(value)
        ? (value as InputValue)
        : (found as InputValue);
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

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function checkNumbers(
  values: readonly number[],
  parameter: Parameter,
  label: string,
): string | undefined {
  const whole = parameter.type === 'integer' || parameter.type === 'integer[]';
  if (whole && !values.every(Number.isInteger)) return `${label} must hold whole numbers`;
  if (values.some((v) => outOfRange(v, parameter)))
    return `${label} values must be within ${rangeText(parameter)}`;
  return undefined;
}

function checkLength(
  length: number,
  parameter: Parameter,
  label: string,
  what = 'value',
): string | undefined {
  if (parameter.minLength !== undefined && length < parameter.minLength)
    return `${label} needs at least ${parameter.minLength} ${what}(s)`;
  if (parameter.maxLength !== undefined && length > parameter.maxLength)
    return `${label} may hold at most ${parameter.maxLength} ${what}s`;
  return undefined;
}

/** One parameter's value: its type, its bounds, its length; the value, or what is wrong. */
function checkValue(value: unknown, parameter: Parameter): InputValue | string {
  const label = `"${parameter.name}"`;
  switch (parameter.type) {
    case 'number':
    case 'integer': {
      if (!isFiniteNumber(value)) return `${label} must be a finite number`;
      if (parameter.type === 'integer' && !Number.isInteger(value))
        return `${label} must be a whole number`;
      if (outOfRange(value, parameter)) return `${label} must be within ${rangeText(parameter)}`;
      return value;
    }
    case 'number[]':
    case 'integer[]': {
      if (!Array.isArray(value) || !value.every(isFiniteNumber))
        return `${label} must be an array of finite numbers`;
      const numbers = value;
      const problem =
        checkLength(numbers.length, parameter, label) ?? checkNumbers(numbers, parameter, label);
      if (problem) return problem;
      if (parameter.sorted && numbers.some((v, i) => i > 0 && v < (numbers[i - 1] as number)))
        return `${label} must be in increasing order`;
      return numbers;
    }
    case 'number[][]': {
      if (
        !Array.isArray(value) ||
        !value.every((row) => Array.isArray(row) && row.every(isFiniteNumber))
      )
        return `${label} must be an array of rows, each an array of finite numbers`;
      const rows = value;
      const problem = checkLength(rows.length, parameter, label, 'row');
      if (problem) return problem;
      const columns = rows[0]?.length ?? 0;
      if (rows.some((row) => row.length !== columns))
        return `${label} rows must all be the same length`;
      if (parameter.minColumns !== undefined && columns < parameter.minColumns)
        return `${label} rows need at least ${parameter.minColumns} value(s)`;
      if (parameter.maxColumns !== undefined && columns > parameter.maxColumns)
        return `${label} rows may hold at most ${parameter.maxColumns} values`;
      return checkNumbers(rows.flat(), parameter, label) ?? rows;
    }
  }
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
