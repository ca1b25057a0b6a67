import type { ChalkInstance } from 'chalk';

/**
 * A stand-in for chalk with colour off: every style, however chained (`chalk.bold.cyan`), returns
 * its text unchanged. Piped output (the common case for scripts and the start-up budget) then
 * never imports chalk, whose terminal detection loads node:tty and node:net.
 */
export function plainChalk(): ChalkInstance {
  const identity = (...text: unknown[]) => text.join(' ');
  const proxy: unknown = new Proxy(identity, {
    // `then` must stay undefined, or awaiting the stand-in would take it for a promise.
    get: (_target, key) => (key === 'level' ? 0 : key === 'then' ? undefined : proxy),
  });
  return proxy as ChalkInstance;
}

/**
 * createChalk (shared/ui/theme.ts) for code that would rather not load chalk when colour is off: the
 * piped output of learn, progress and the feed list, which the start-up budgets measure.
 */
export async function chalkFor(color: boolean): Promise<ChalkInstance> {
  if (!color) return plainChalk();
  const { createChalk } = await import('./theme.js');
  return createChalk(true);
}
