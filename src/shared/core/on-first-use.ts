/**
 * A module-level constant made when first asked for instead of when the module loads. For what
 * costs start-up to build and only some commands need: a RegExp with Unicode property classes
 * (`\p{L}`) is parsed into its character ranges as it is created, ~0.1 ms each, on every start
 * of every command that merely loads the module.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
