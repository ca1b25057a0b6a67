import type { VizAction } from '../core/run.js';
import type { KeyInfo } from '../../shared/ui/key-burst.js';

/** space plays or pauses, → steps, + and − change the rate, r restarts, q (Esc, Ctrl-C) quits. */
export function vizKeymap(input: string, key: KeyInfo): VizAction | undefined {
  if (key.escape || (key.ctrl && input === 'c') || input === 'q') return { type: 'quit' };
  if (key.ctrl) return undefined;
  if (key.rightArrow || input === 'n' || input === '.') return { type: 'step' };
  if (input === ' ' || key.return) return { type: 'toggle' };
  if (input === '+' || input === '=') return { type: 'rate', direction: 1 };
  if (input === '-' || input === '_' || input === '−') return { type: 'rate', direction: -1 };
  if (input === 'r') return { type: 'restart' };
  return undefined;
}
