/**
 * Progress while fetching, on stderr and only in a terminal: one line rewritten in place
 * ("fetching 7/12 · done: openai, deepmind, …"), erased before the listing prints. Piped or
 * redirected stderr gets nothing, so logs stay clean.
 */
import type { OutputStream } from '../../context.js';
import { truncateToWidth } from '../../shared/core/text-width.js';

export interface FeedProgress {
  settled(sourceId: string, done: number, total: number): void;
  clear(): void;
}

const SILENT: FeedProgress = { settled: () => undefined, clear: () => undefined };

export function createFeedProgress(stderr: OutputStream, total: number): FeedProgress {
  if (!stderr.isTTY || total === 0) return SILENT;
  const finished: string[] = [];
  let shown = false;
  const draw = (text: string) => {
    stderr.write(`\r\u001b[2K${truncateToWidth(text, Math.max(10, stderr.columns - 1))}`);
    shown = true;
  };
  draw(`fetching ${total} feed${total === 1 ? '' : 's'}…`);
  return {
    settled(sourceId, done, all) {
      finished.push(sourceId);
      draw(`fetching ${done}/${all} · done: ${finished.slice(-6).join(', ')}`);
    },
    clear() {
      if (shown) stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
