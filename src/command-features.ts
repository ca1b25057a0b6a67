/**
 * The feature whose code each command runs. Besides dist/main.js, which holds every command,
 * the build makes one bundle per feature holding only that feature's commands, and the shim
 * starts the bundle of the command named first: a start then reads and deserialises less code
 * (`pixel learn mlops`: 152 KB instead of 388, ~2 ms; docs/architecture.md "Start-up"). A
 * command not listed here (help, an option first, a typo) starts dist/main.js.
 */
export const COMMAND_FEATURES = {
  learn: 'learn',
  progress: 'learn',
  solve: 'judge',
  test: 'judge',
  submit: 'judge',
  solution: 'judge',
  reset: 'judge',
  problems: 'judge',
  hint: 'judge',
  watch: 'judge',
  viz: 'viz',
  feed: 'feed',
  completion: 'completion',
} as const satisfies Record<string, string>;

export type Feature = (typeof COMMAND_FEATURES)[keyof typeof COMMAND_FEATURES];
