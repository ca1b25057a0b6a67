import { Chalk, type ChalkInstance } from 'chalk';

/**
 * A chalk instance whose colour is decided by pixel (see ui/color.ts), never by chalk's own
 * detection, so NO_COLOR, FORCE_COLOR, --no-color and piping behave the same everywhere.
 */
export function createChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 2 : 0 });
}
