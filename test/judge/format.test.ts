import { describe, expect, it } from 'vitest';
import { formatInputValue } from '../../src/judge/core/readme.js';
import type { SubmissionReport } from '../../src/judge/core/report.js';
import {
  formatCaseLine,
  formatPrinted,
  formatSubmitSummary,
  formatValueTable,
  wrapText,
} from '../../src/judge/ui/judge-format.js';
import { createChalk } from '../../src/shared/ui/theme.js';
import { hasControlCharacters } from '../helpers/run-pixel.js';

const plain = createChalk(false);
const test = {
  id: 'edge-single-point',
  group: 'edge cases',
  hidden: true,
  verdict: 'wrong_answer' as const,
  timeMs: 3,
  description: 'n = 1: a single data point',
};

describe('judge formatting', () => {
  it('prints a case line with its description when there is room', () => {
    expect(formatCaseLine(plain, test, 120)).toBe(
      '  ✗ edge-single-point     edge cases     3 ms  wrong_answer  n = 1: a single data point',
    );
  });

  it('moves the description to its own line on a narrow terminal', () => {
    expect(formatCaseLine(plain, test, 60)).toBe(
      '  ✗ edge-single-point     edge cases     3 ms  wrong_answer\n      n = 1: a single data point',
    );
  });

  it('colours only through the chalk instance it is given', () => {
    const line = formatCaseLine(createChalk(true), { ...test, verdict: 'accepted' }, 120);
    expect(line).toContain('\u001b[32maccepted\u001b[39m');
    expect(hasControlCharacters(formatCaseLine(plain, test, 120))).toBe(false);
  });

  it('summarises a hidden wrong answer without its data', () => {
    const report: SubmissionReport = {
      problem: 'gradient-descent',
      language: 'python',
      verdict: 'wrong_answer',
      passed: 6,
      total: 22,
      durationMs: 512,
      sandbox: 'full',
      message: 'w is off by 2.1e+0 (relative 1.0e+0)',
      tests: [{ ...test, message: 'w is off by 2.1e+0 (relative 1.0e+0)' }],
    };
    expect(
      formatSubmitSummary(plain, report, {
        decidingHidden: true,
        decidingId: 'edge-single-point',
        decidingGroup: 'edge cases',
        notRun: 15,
        printedBytes: 0,
        columns: 80,
      }),
    ).toBe(
      [
        '',
        'verdict: wrong_answer on edge-single-point (edge cases, hidden) · 6/22 passed · 0.51 s',
        '  w is off by 2.1e+0 (relative 1.0e+0)',
        '  (a hidden case: its inputs and expected values are not shown)',
        '  15 later cases were not judged: the first failure decides',
        '  stuck? `pixel hint` gives the next hint',
        '',
      ].join('\n'),
    );
  });

  it('lines up each value beside the reference', () => {
    const table = formatValueTable(plain, [
      { name: 'w', got: 1.32, expected: 1.32, absoluteError: 0, relativeError: 0, ok: true },
      { name: 'b', got: 0.5, expected: 0.78, absoluteError: 0.28, relativeError: 0.359, ok: false },
    ]);
    expect(table).toBe(
      [
        '         yours  expected  abs error  rel error',
        '    ✓ w  1.32   1.32      0          0',
        '    ✗ b  0.5    0.78      2.8e-1     3.6e-1',
      ].join('\n'),
    );
  });

  it('shows printed output sanitised and cut to a few lines', () => {
    const text = Array.from({ length: 20 }, (_, i) => `\u001b[31mline ${i}\u001b[0m`).join('\n');
    const shown = formatPrinted(plain, text, text.length, false, 3);
    expect(shown).toBe(
      [
        `    printed (${text.length} bytes, not judged):`,
        '    │ line 0',
        '    │ line 1',
        '    │ line 2',
        `    … ${text.length} bytes in all, the rest not shown`,
      ].join('\n'),
    );
    expect(hasControlCharacters(shown)).toBe(false);
  });

  it('wraps words to the width and abbreviates long inputs', () => {
    expect(wrapText('one two three four five six', 24, '  ')).toBe(
      '  one two three four\n  five six',
    );
    expect(formatInputValue([1, 2, 3, 4], 2)).toBe('[1, 2, … 4 values]');
    expect(formatInputValue(0.5)).toBe('0.5');
  });
});
