import type * as InkModule from 'ink';
import type * as ReactModule from 'react';

/**
 * ink and react are loaded from node_modules at run time rather than bundled: bundling ink
 * drags in its optional devtools import, and only the interactive screens need them, so every
 * other command stays free of their start-up cost (importing ink costs several times node's own
 * start-up).
 */
const loadAtRunTime = (name: string): Promise<unknown> => import(name);

export async function loadInk(): Promise<{ React: typeof ReactModule; ink: typeof InkModule }> {
  const [React, ink] = (await Promise.all([loadAtRunTime('react'), loadAtRunTime('ink')])) as [
    typeof ReactModule,
    typeof InkModule,
  ];
  return { React, ink };
}
