import js from '@eslint/js';
import globals from 'globals';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

/**
 * Relative imports that leave a feature's core/ for another layer (io, ui, commands: its own or
 * another feature's), however deep the importing file.
 */
const OUTSIDE_CORE = String.raw`^(?:\.{1,2}/)+(?:.*/)?(?:io|ui|commands)(?:/|$)`;
const CLI_MODULES = String.raw`^(?:\.{1,2}/)+(?:.*/)?(?:main|program|process-context)(?:\.js)?$`;

export default tseslint.config(
  {
    ignores: [
      '.pixel-bench/**',
      'dist.*/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'problems/**/submissions/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  // Type-aware (issue 12): the rules that need types catch what the syntax alone cannot (an
  // unawaited promise, an `any` from JSON.parse flowing on, a method passed without its `this`).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Types come from the nearest tsconfig.json; the root one covers src, test, bench and
        // scripts.
        projectService: true,
        tsconfigRootDir: dirname(fileURLToPath(import.meta.url)),
      },
    },
    linterOptions: { reportUnusedDisableDirectives: true },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JavaScript is in no tsconfig (the bench and build scripts, the shim, the harness, the
    // problems' references): lint it by syntax alone.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The problems' reference solutions are content for learners, written for the starter's
    // tsconfig (problems/*/starters/typescript/), not the project's, and shipped without one;
    // `pixel dev check` runs them. Linted by syntax alone, like the JavaScript ones beside them.
    files: ['problems/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS: the shim (bin/ is CommonJS, see bin/package.json) and shims for the bundler.
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Every feature's core/ is pure: it may not touch the OS, the network or the terminal (DESIGN: shape of the
    // code). The patterns are regular expressions so that they hold at any depth
    // (test/foundation/lint-rules.test.ts probes them).
    files: ['src/*/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?:node:.*|fs|fs/promises|child_process|net|http|https|os|worker_threads|readline|tty)$`,
              message: 'core/ is pure: do I/O in io/.',
            },
            {
              regex: '^(?:rss-parser|ink|react|chalk|commander)(?:/.*)?$',
              message: 'core/ is pure: no I/O or UI libraries.',
            },
            { regex: OUTSIDE_CORE, message: 'core/ may import only core/, its own or shared.' },
            { regex: CLI_MODULES, message: 'core/ may import only core/, its own or shared.' },
          ],
        },
      ],
    },
  },
  {
    // Commands are use cases: the CLI layer (commander) stays in program.ts.
    files: ['src/*/commands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'commander', message: 'Only src/program.ts imports commander.' }] },
      ],
    },
  },
);
