import { Chalk, type ChalkInstance } from 'chalk';
import { plainChalk } from './plain-chalk.js';

/**
 * The chalk for a stream whose colour pixel has decided (see shared/ui/color.ts), never chalk's own
 * detection, so NO_COLOR, FORCE_COLOR, --no-color and piping behave the same everywhere. With
 * colour off it is the stand-in of plain-chalk.ts, the same one chalkFor gives.
 */
export function createChalk(enabled: boolean): ChalkInstance {
  return enabled ? new Chalk({ level: 2 }) : plainChalk();
}
