/**
 * One conversion of zod issues into lines, for options, content and state files: zod/mini's own
 * messages all read "Invalid input", so each line must name what is wrong from the issue itself.
 */
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { describeIssue, issueLines } from '../../src/shared/core/zod-issues.js';
import { newerFormatVersion } from '../../src/shared/core/format-version.js';
import { parseOptions } from '../../src/options.js';
import { UsageError } from '../../src/errors.js';

function linesOf(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return issueLines(result.error);
}

describe('issueLines', () => {
  it.each([
    [z.object({ a: z.string() }), { a: 3 }, 'a: expected string, got 3'],
    [z.object({ a: z.string() }), {}, 'a: is required (string)'],
    [z.object({ a: z.number() }), { a: 'x' }, 'a: expected number, got "x"'],
    [z.object({ a: z.array(z.number()) }), { a: [1, null] }, 'a.1: expected number, got null'],
    [z.object({ v: z.literal(1) }), { v: 2 }, 'v: expected 1, got 2'],
    [
      z.object({ l: z.enum(['python', 'typescript']) }),
      { l: 'rust' },
      'l: expected one of "python", "typescript", got "rust"',
    ],
    [z.object({ s: z.string().check(z.minLength(1)) }), { s: '' }, 's: must not be empty'],
    [
      z.object({ s: z.string().check(z.minLength(3)) }),
      { s: 'ab' },
      's: must be at least 3 characters, got "ab"',
    ],
    [z.object({ n: z.number().check(z.positive()) }), { n: 0 }, 'n: must be more than 0, got 0'],
    [z.object({ n: z.number().check(z.maximum(10)) }), { n: 11 }, 'n: must be at most 10, got 11'],
    [
      z.object({ n: z.number().check(z.multipleOf(5)) }),
      { n: 7 },
      'n: must be a multiple of 5, got 7',
    ],
    [
      z.object({ i: z.string().check(z.regex(/^[a-z]+$/)) }),
      { i: 'A' },
      'i: must match /^[a-z]+$/, got "A"',
    ],
    [z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }, '(root): unknown keys "b", "c"'],
    [
      z.union([z.string(), z.number()]),
      true,
      '(root): matches none of the accepted forms (expected string, got true; or expected number, got true)',
    ],
    [
      z.object({ x: z.string().check(z.minLength(2, 'too short to be an id')) }),
      { x: 'a' },
      'x: too short to be an id',
    ],
  ] as const)('%#: %s', (schema, value, line) => {
    expect(linesOf(schema as z.ZodMiniType, value)).toEqual([line]);
  });

  it('never says only "Invalid input"', () => {
    const result = z.object({ a: z.string() }).safeParse({ a: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]?.message).toBe('Invalid input');
      expect(describeIssue(result.error.issues[0]!)).toBe('expected string');
    }
  });
});

describe('parseOptions', () => {
  it('names the flag as typed and what is wrong with its value', () => {
    const schema = z.object({
      maxAge: z.string().check(z.minLength(1)),
      dir: z.optional(z.string()),
    });
    let thrown: unknown;
    try {
      parseOptions(schema, { maxAge: '', dir: 3 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toBe(
      'invalid option: --max-age: must not be empty; --dir: expected string, got 3',
    );
  });
});

describe('newerFormatVersion', () => {
  it.each([
    [{ formatVersion: 2 }, 1, 2],
    [{ formatVersion: 1 }, 1, undefined],
    [{ formatVersion: 0 }, 1, undefined],
    [{ formatVersion: '2' }, 1, undefined],
    [{ formatVersion: 1.5 }, 1, undefined],
    [[], 1, undefined],
    [null, 1, undefined],
  ])('%j with %i supported → %s', (raw, supported, expected) => {
    expect(newerFormatVersion(raw, supported)).toBe(expected);
  });
});
