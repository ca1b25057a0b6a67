import type { ComparisonRule } from './problem-schema.js';
import type { ReturnedValue } from './returned-value.js';
import { extractReturned, leafOf, type NamedNumber } from './shape.js';
import type { ReturnShape } from './problem-schema.js';

/**
 * Kattis/ICPC rule: accept when the absolute OR the relative error is within tolerance; `exact`
 * problems want the same number.
 */
export function withinTolerance(got: number, expected: number, rule: ComparisonRule): boolean {
  if (!Number.isFinite(expected)) {
    // Only a diverging custom input has a non-finite reference: compare by class (DOMjudge).
    return Number.isNaN(expected) ? Number.isNaN(got) : got === expected;
  }
  if (!Number.isFinite(got)) return false;
  if (rule.kind === 'exact') return got === expected;
  const error = Math.abs(got - expected);
  return error <= rule.absolute || error <= rule.relative * Math.abs(expected);
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
  | { kind: 'wrong-length'; name: string; count: number; expectedCount: number };

function countsByLeaf(numbers: readonly NamedNumber[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { name } of numbers) counts.set(leafOf(name), (counts.get(leafOf(name)) ?? 0) + 1);
  return counts;
}

/** Same names, same counts: the learner's numbers line up with the reference's one to one. */
export function sameLayout(a: readonly NamedNumber[], b: readonly NamedNumber[]): boolean {
  return a.length === b.length && a.every((item, index) => item.name === b[index]?.name);
}

/** Compares a returned value with the reference's named numbers, by the problem's shape and rule. */
export function compareReturned(
  value: ReturnedValue,
  expected: readonly NamedNumber[],
  shape: ReturnShape,
  rule: ComparisonRule,
): Comparison {
  const extracted = extractReturned(shape, value);
  if (!extracted.ok) return { kind: 'wrong-type', description: extracted.problem };
  const got = extracted.numbers;
  if (!sameLayout(got, expected)) {
    const mine = countsByLeaf(got);
    for (const [name, count] of countsByLeaf(expected)) {
      if ((mine.get(name) ?? 0) !== count)
        return { kind: 'wrong-length', name, count: mine.get(name) ?? 0, expectedCount: count };
    }
    return { kind: 'wrong-type', description: 'the result does not have the expected parts' };
  }
  const values = got.map(({ name, value: number }, index): ValueCheck => {
    const reference = (expected[index] as NamedNumber).value;
    return {
      name,
      got: number,
      expected: reference,
      absoluteError: Math.abs(number - reference),
      relativeError: relativeError(number, reference),
      ok: withinTolerance(number, reference, rule),
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

/** At most this many wrong values are named in one line; the rest are counted. */
const NAMED_ERRORS = 3;

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
    case 'wrong-length':
      return `${comparison.name === 'result' ? 'the result' : comparison.name} has ${comparison.count} value${comparison.count === 1 ? '' : 's'}; expected ${comparison.expectedCount}`;
    case 'not-finite':
      return `${comparison.name} is ${comparison.got}: the arithmetic blew up or divided by zero`;
    case 'mismatch': {
      const wrong = comparison.values.filter((check) => !check.ok);
      const named = wrong
        .slice(0, NAMED_ERRORS)
        .map((check) =>
          hidden
            ? `${check.name} is off by ${formatError(check.absoluteError)} (relative ${formatError(check.relativeError)})`
            : `${check.name} = ${formatNumber(check.got)}, expected ${formatNumber(check.expected)} (off by ${formatError(check.absoluteError)}, relative ${formatError(check.relativeError)})`,
        );
      const more = wrong.length - named.length;
      return `${named.join('; ')}${more > 0 ? `; and ${more} more value${more === 1 ? '' : 's'} off` : ''}`;
    }
  }
}
