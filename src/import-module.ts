/**
 * import() for what the bundle loads at run time as an ES module: ink and react, and a
 * problem's reference.mjs. bin/pixel.js runs the bundle from V8's code cache, where import() has
 * no loader, and lends its own under this symbol (docs/architecture.md "Start-up"); tests, which run the
 * sources, use import() itself.
 */
const LENT_IMPORT = Symbol.for('pixel.import');

export function importModule(specifier: string): Promise<unknown> {
  const lent = (globalThis as { [LENT_IMPORT]?: (specifier: string) => Promise<unknown> })[
    LENT_IMPORT
  ];
  return lent ? lent(specifier) : import(specifier);
}
