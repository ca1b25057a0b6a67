import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `fast` (unit, command and contract tests, in-process: the default while
 * developing, `npm run test:fast`) and `slow` (everything that spawns the real bin/pixel.js, a
 * judge sandbox or a pseudo-terminal). `npm test` and CI run both.
 */
const SLOW = [
  'test/**/*.e2e.test.ts',
  // Runs the real language harnesses in child processes, like the end-to-end tests.
  'test/judge/record-run.test.ts',
];

const shared = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
  restoreMocks: true,
  env: { TZ: 'UTC', NO_COLOR: '1', FORCE_COLOR: '0' },
};

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: SLOW,
          // In-process tests: worker threads start faster than processes, and one per core
          // (vitest's default leaves one core free, which on a 2-core machine halves the run):
          // 62 s -> 35 s here.
          pool: 'threads',
          maxWorkers: Math.max(2, availableParallelism()),
          // Projects with their own worker counts run as groups, one after the other: `npm
          // test` runs this one first, then the slow one.
          sequence: { groupOrder: 0 },
        },
      },
      {
        // A loaded machine runs judge sandboxes beside pseudo-terminals: a test may take
        // minutes there where it takes seconds here. A terminal wait has its own, shorter
        // timeout (30 s), so a screen that never comes fails first and prints what it showed.
        test: {
          ...shared,
          name: 'slow',
          include: SLOW,
          testTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
