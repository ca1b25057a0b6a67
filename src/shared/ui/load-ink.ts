import type * as InkModule from 'ink';
import type * as ReactModule from 'react';
import { importModule } from '../../import-module.js';

/**
 * ink and react are loaded from node_modules at run time rather than bundled (scripts/build.mjs
 * marks them external): bundling ink drags in its optional devtools import, and only the
 * interactive screens need them, so every other command stays free of their start-up cost
 * (importing ink costs several times node's own start-up).
 * They are ES modules: see src/import-module.ts.
 */
export async function loadInk(): Promise<{ React: typeof ReactModule; ink: typeof InkModule }> {
  const [React, ink] = (await Promise.all([importModule('react'), importModule('ink')])) as [
    typeof ReactModule,
    typeof InkModule,
  ];
  return { React, ink };
}

/**
 * The terminal's size, with the sizes a terminal that reports none (0 × 0, as some
 * pseudo-terminals do) is taken to have: 80 × 24.
 */
export function terminalSize(stdout: { columns?: number; rows?: number }): {
  columns: number;
  rows: number;
} {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/**
 * The terminal's size as React state, following resizes, for screens that lay themselves out
 * to it (a hook: call it from a component's body).
 */
export function useTerminalSize({ React, ink }: Awaited<ReturnType<typeof loadInk>>): {
  columns: number;
  rows: number;
} {
  const { stdout } = ink.useStdout();
  const [size, setSize] = React.useState(() => terminalSize(stdout));
  React.useEffect(() => {
    const onResize = () => setSize(terminalSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
