import { describeKind, numberOf, type ReturnedValue } from './returned-value.js';

export interface Tolerance {
  absolute: number;
  relative: number;
}

/** Kattis/ICPC rule: accept when the absolute OR the relative error is within tolerance. */
export function withinTolerance(got: number, expected: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(expected)) {
    // Only a diverging custom input has a non-finite reference: compare by class (DOMjudge).
    return Number.isNaN(expected) ? Number.isNaN(got) : got === expected;
  }
  if (!Number.isFinite(got)) return false;
  const error = Math.abs(got - expected);
  return error <= tolerance.absolute || error <= tolerance.relative * Math.abs(expected);
}

export function relativeError(got: number, expected: number): number {
  const error = Math.abs(got - expected);
  if (error === 0) return 0;
  return expected === 0 ? Infinity : error / Math.abs(expected);
}

export interface ValueCheck {
  name: string;
  got: number;
  expected: number;
  absoluteError: number;
  relativeError: number;
  ok: boolean;
}

export type Comparison =
  | { kind: 'match'; values: ValueCheck[] }
  | { kind: 'mismatch'; values: ValueCheck[] }
  | { kind: 'not-finite'; values: ValueCheck[]; name: string; got: number }
  | { kind: 'wrong-type'; description: string }
  | { kind: 'wrong-arity'; count: number; expectedCount: number };

/** The returned numbers when the value has the right shape, else undefined. */
export function returnedNumbers(value: ReturnedValue, arity: number): number[] | undefined {
  if (value.t !== 'seq' || value.n !== arity || value.items.length !== arity) return undefined;
  const numbers: number[] = [];
  for (const item of value.items) {
    if (item.t !== 'num') return undefined;
    numbers.push(numberOf(item));
  }
  return numbers;
}

export function compareReturned(
  value: ReturnedValue,
  expected: readonly number[],
  names: readonly string[],
  tolerance: Tolerance,
): Comparison {
  const wanted = `${expected.length} numbers (${names.join(', ')})`;
  if (value.t !== 'seq') {
    return {
      kind: 'wrong-type',
      description: `returned ${describeKind(value)}; expected ${wanted}`,
    };
  }
  if (value.n !== expected.length)
    return { kind: 'wrong-arity', count: value.n, expectedCount: expected.length };
  const bad = value.items.findIndex((item) => item.t !== 'num');
  if (bad >= 0) {
    const item = value.items[bad] as ReturnedValue;
    return {
      kind: 'wrong-type',
      description: `${names[bad] ?? `value ${bad + 1}`} is ${describeKind(item)}; expected ${wanted}`,
    };
  }
  const got = returnedNumbers(value, expected.length) as number[];
  const values = got.map((number, index): ValueCheck => {
    const reference = expected[index] as number;
    return {
      name: names[index] ?? `value ${index + 1}`,
      got: number,
      expected: reference,
      absoluteError: Math.abs(number - reference),
      relativeError: relativeError(number, reference),
      ok: withinTolerance(number, reference, tolerance),
    };
  });
  const nonFinite = values.find((check) => !check.ok && !Number.isFinite(check.got));
  if (nonFinite) return { kind: 'not-finite', values, name: nonFinite.name, got: nonFinite.got };
  return values.every((check) => check.ok)
    ? { kind: 'match', values }
    : { kind: 'mismatch', values };
}

/** Short, stable number text: up to 10 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e12) return String(Number(value.toPrecision(10)));
  return value.toExponential(6).replace(/\.?0+e/, 'e');
}

/** Errors read best as two significant digits in exponent form. */
export function formatError(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return value.toExponential(1);
}

/**
 * One line for a wrong answer. Hidden cases show which value was off and by how much, never the
 * values themselves (that would leak the hidden case).
 */
export function describeComparison(comparison: Comparison, hidden: boolean): string {
  switch (comparison.kind) {
    case 'match':
      return 'all values within tolerance';
    case 'wrong-type':
      return comparison.description;
    case 'wrong-arity':
      return `returned ${comparison.count} value${comparison.count === 1 ? '' : 's'}; expected exactly ${comparison.expectedCount}`;
    case 'not-finite':
      return `${comparison.name} is ${comparison.got}: the iterates blew up or divided by zero`;
    case 'mismatch':
      return comparison.values
        .filter((check) => !check.ok)
        .map((check) =>
          hidden
            ? `${check.name} is off by ${formatError(check.absoluteError)} (relative ${formatError(check.relativeError)})`
            : `${check.name} = ${formatNumber(check.got)}, expected ${formatNumber(check.expected)} (off by ${formatError(check.absoluteError)}, relative ${formatError(check.relativeError)})`,
        )
        .join('; ');
  }
}
