import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
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
    // CommonJS shims handed to the bundler.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // core/ is pure: it may not touch the OS, the network or the terminal (DESIGN: shape of the code).
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'child_process', 'net', 'http', 'https'],
              message: 'src/core is pure: do I/O in src/io.',
            },
            {
              group: ['rss-parser', 'ink', 'react', 'chalk', 'commander'],
              message: 'src/core is pure: no I/O or UI libraries.',
            },
            {
              group: ['../io/*', '../ui/*', '../commands/*'],
              message: 'src/core may import only core.',
            },
          ],
        },
      ],
    },
  },
  {
    // Commands are use cases: the CLI layer (commander) stays in program.ts.
    files: ['src/commands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'commander', message: 'Only src/program.ts imports commander.' }] },
      ],
    },
  },
);
