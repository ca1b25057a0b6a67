import { describeKind, numberOf, type ReturnedValue } from './returned-value.js';
import type { ReturnShape } from './problem-schema.js';

/**
 * What a function returns, taken apart by the problem's declared shape into named numbers
 * ("w", "weights[2]", "p95"), so that comparing, explaining and diagnosing work the same for
 * every problem.
 */
export interface NamedNumber {
  name: string;
  value: number;
}

export type Extracted = { ok: true; numbers: NamedNumber[] } | { ok: false; problem: string };

type Leaf = { name: string; kind: 'number' | 'list' };

/** The leaves of a shape, each with its name; a bare number or list is called `result`. */
export function leavesOf(shape: ReturnShape): Leaf[] {
  switch (shape.kind) {
    case 'number':
    case 'list':
      return [{ name: 'result', kind: shape.kind }];
    case 'tuple':
      return shape.items;
    case 'record':
      return shape.fields;
  }
}

/** The names of a shape's leaves, for signatures and messages: "w, b" or "p50, p95, p99". */
export function leafNames(shape: ReturnShape): string[] {
  return leavesOf(shape).map((leaf) => leaf.name);
}

function leafFromReturned(leaf: Leaf, value: ReturnedValue): NamedNumber[] | string {
  if (leaf.kind === 'number') {
    return value.t === 'num'
      ? [{ name: leaf.name, value: numberOf(value) }]
      : `${leaf.name} is ${describeKind(value)}; expected a number`;
  }
  if (value.t !== 'seq')
    return `${leaf.name} is ${describeKind(value)}; expected a list of numbers`;
  const numbers: NamedNumber[] = [];
  for (const [index, item] of value.items.entries()) {
    if (item.t !== 'num')
      return `${leaf.name}[${index}] is ${describeKind(item)}; expected a number`;
    numbers.push({ name: `${leaf.name}[${index}]`, value: numberOf(item) });
  }
  return numbers;
}

/**
 * The learner's value as named numbers, or what is wrong with its shape. A list's length is not
 * checked here: compare.ts says "3 values, expected 5" against the reference.
 */
export function extractReturned(shape: ReturnShape, value: ReturnedValue): Extracted {
  const fail = (problem: string): Extracted => ({ ok: false, problem });
  const collect = (parts: Array<NamedNumber[] | string>): Extracted => {
    const problem = parts.find((part): part is string => typeof part === 'string');
    return problem ? fail(problem) : { ok: true, numbers: (parts as NamedNumber[][]).flat() };
  };
  switch (shape.kind) {
    case 'number':
    case 'list':
      return collect([leafFromReturned(leavesOf(shape)[0] as Leaf, value)]);
    case 'tuple': {
      const names = shape.items.map((item) => item.name).join(', ');
      if (value.t !== 'seq')
        return fail(
          `returned ${describeKind(value)}; expected ${shape.items.length} values (${names})`,
        );
      if (value.n !== shape.items.length)
        return fail(
          `returned ${value.n} value${value.n === 1 ? '' : 's'}; expected exactly ${shape.items.length} (${names})`,
        );
      return collect(
        shape.items.map((item, index) =>
          leafFromReturned(item, value.items[index] as ReturnedValue),
        ),
      );
    }
    case 'record': {
      const names = shape.fields.map((field) => field.name);
      if (value.t !== 'map')
        return fail(
          `returned ${describeKind(value)}; expected a dict/object with keys ${names.join(', ')}`,
        );
      const keys = new Map(value.entries);
      const missing = names.filter((name) => !keys.has(name));
      if (missing.length > 0)
        return fail(`the result has no key ${missing.map((m) => `"${m}"`).join(', ')}`);
      const extra = [...keys.keys()].filter((key) => !names.includes(key));
      if (extra.length > 0)
        return fail(
          `the result has unexpected key${extra.length === 1 ? '' : 's'} ${extra
            .slice(0, 3)
            .map((k) => `"${k}"`)
            .join(', ')}; expected only ${names.join(', ')}`,
        );
      return collect(
        shape.fields.map((field) => leafFromReturned(field, keys.get(field.name) as ReturnedValue)),
      );
    }
  }
}

function leafFromReference(leaf: Leaf, value: unknown): NamedNumber[] | string {
  if (leaf.kind === 'number') {
    return typeof value === 'number'
      ? [{ name: leaf.name, value }]
      : `${leaf.name} is not a number`;
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number'))
    return `${leaf.name} is not a list of numbers`;
  return value.map((item, index) => ({
    name: `${leaf.name}[${index}]`,
    value: item,
  }));
}

/**
 * A value computed in JavaScript (the reference, a mistake's variant) as named numbers: a
 * number, an array (list or tuple), or an object (record). Anything else is the reference's
 * fault, a judge error.
 */
export function extractReference(shape: ReturnShape, value: unknown): Extracted {
  const parts: Array<NamedNumber[] | string> = [];
  if (shape.kind === 'number' || shape.kind === 'list') {
    parts.push(leafFromReference(leavesOf(shape)[0] as Leaf, value));
  } else if (shape.kind === 'tuple') {
    if (!Array.isArray(value) || value.length !== shape.items.length)
      return { ok: false, problem: `it did not return ${shape.items.length} values` };
    shape.items.forEach((item, index) => parts.push(leafFromReference(item, value[index])));
  } else {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, problem: 'it did not return an object' };
    const record = value as Record<string, unknown>;
    for (const field of (shape as Extract<ReturnShape, { kind: 'record' }>).fields)
      parts.push(leafFromReference(field, record[field.name]));
  }
  const problem = parts.find((part): part is string => typeof part === 'string');
  return problem
    ? { ok: false, problem }
    : { ok: true, numbers: (parts as NamedNumber[][]).flat() };
}

/** How many numbers a leaf name covers in a list: "probabilities" for "probabilities[3]". */
export function leafOf(name: string): string {
  const bracket = name.indexOf('[');
  return bracket < 0 ? name : name.slice(0, bracket);
}
