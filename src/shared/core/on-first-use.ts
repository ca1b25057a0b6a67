/**
 * A value made when first asked for instead of when it is declared, then kept (`make` must not
 * return undefined, or it runs again). For what costs start-up to build and only some commands
 * need: a RegExp with Unicode property classes (`\p{L}`) is parsed into its character ranges as
 * it is created, ~0.1 ms each, on every start of every command that merely loads the module;
 * or a file's parse that only some paths need.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
