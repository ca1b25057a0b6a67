/**
 * Decides whether a stream gets colour. Precedence, strongest first: --no-color, NO_COLOR (any
 * non-empty value, see no-color.org), FORCE_COLOR (0/false disables, anything else enables even
 * when piped), then "is it a terminal that is not TERM=dumb".
 */
export function colorEnabled(options: {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  noColorFlag: boolean;
}): boolean {
  const { env, isTTY, noColorFlag } = options;
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  return isTTY && env.TERM !== 'dumb';
}
