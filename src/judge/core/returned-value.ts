/**
 * What a harness reports a learner's function returned. Harnesses describe the value instead of
 * converting it, so the judge can say "returned None" or "w is NaN" instead of failing to parse.
 * JSON has no NaN or infinities, so non-finite numbers travel as strings.
 */
export type ReturnedValue =
  | { t: 'num'; v: number | 'NaN' | 'Infinity' | '-Infinity' }
  | { t: 'seq'; n: number; items: ReturnedValue[] }
  /** A Python dict or a plain JavaScript object, keys as text. */
  | { t: 'map'; entries: Array<[string, ReturnedValue]> }
  | { t: 'bool' }
  | { t: 'str' }
  | { t: 'none' }
  | { t: 'other'; type: string };

const MAX_DEPTH = 4;
/** More items than any answer needs; a harness sends at most this many of a sequence. */
export const MAX_ITEMS = 200_000;
const MAX_ENTRIES = 256;

/** Validates a value description from a harness frame; undefined when it is malformed. */
export function parseReturnedValue(raw: unknown, depth = 0): ReturnedValue | undefined {
  if (typeof raw !== 'object' || raw === null || depth > MAX_DEPTH) return undefined;
  const value = raw as Record<string, unknown>;
  switch (value.t) {
    case 'num':
      if (typeof value.v === 'number' && Number.isFinite(value.v)) return { t: 'num', v: value.v };
      if (value.v === 'NaN' || value.v === 'Infinity' || value.v === '-Infinity')
        return { t: 'num', v: value.v };
      return undefined;
    case 'seq': {
      if (typeof value.n !== 'number' || !Array.isArray(value.items)) return undefined;
      if (value.items.length > MAX_ITEMS || value.items.length > value.n) return undefined;
      const items: ReturnedValue[] = [];
      for (const item of value.items) {
        const parsed = parseReturnedValue(item, depth + 1);
        if (!parsed) return undefined;
        items.push(parsed);
      }
      return { t: 'seq', n: value.n, items };
    }
    case 'map': {
      if (!Array.isArray(value.entries) || value.entries.length > MAX_ENTRIES) return undefined;
      const entries: Array<[string, ReturnedValue]> = [];
      for (const entry of value.entries as unknown[]) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string') return undefined;
        const parsed = parseReturnedValue(entry[1], depth + 1);
        if (!parsed) return undefined;
        entries.push([entry[0].slice(0, 100), parsed]);
      }
      return { t: 'map', entries };
    }
    case 'bool':
    case 'str':
    case 'none':
      return { t: value.t };
    case 'other':
      return { t: 'other', type: typeof value.type === 'string' ? value.type.slice(0, 40) : '?' };
    default:
      return undefined;
  }
}

/** The number a description stands for (NaN and infinities included). */
export function numberOf(value: { t: 'num'; v: number | string }): number {
  if (typeof value.v === 'number') return value.v;
  return value.v === 'NaN' ? Number.NaN : value.v === 'Infinity' ? Infinity : -Infinity;
}

/** "None", "a string", "a dict", ... for messages. */
export function describeKind(value: ReturnedValue): string {
  switch (value.t) {
    case 'num':
      return 'a number';
    case 'seq':
      return `a sequence of ${value.n}`;
    case 'map':
      return `a dict/object with ${value.entries.length} key${value.entries.length === 1 ? '' : 's'}`;
    case 'bool':
      return 'a boolean';
    case 'str':
      return 'a string';
    case 'none':
      return 'nothing (None/undefined)';
    case 'other':
      return `a value of type ${value.type}`;
  }
}
