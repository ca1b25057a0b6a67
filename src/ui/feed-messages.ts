/**
 * The lines `pixel feed` prints on stderr about its sources: one warning per source whose fetch
 * failed, saying what is shown instead and how old it is, and one summary for --offline.
 */
import { ageInWords } from '../core/feed/dates.js';
import { sanitizeText } from '../core/sanitize.js';
import type { SourceResult } from '../io/feed/collect.js';

function snapshotWords(asOf: Date | undefined, now: Date): string {
  return asOf ? `captured ${asOf.toISOString().slice(0, 10)}, ${ageInWords(asOf, now)}` : '';
}

/** `<id>: <reason>; <what is shown instead>`, or undefined when the source did not fail. */
export function failureWarning(result: SourceResult, now: Date): string | undefined {
  const { failure } = result;
  if (!failure || failure.kind === 'offline') return undefined;
  const tail =
    result.from === 'stale-cache'
      ? `showing the cached copy from ${result.asOf ? ageInWords(result.asOf, now) : 'earlier'}`
      : result.from === 'snapshot'
        ? `showing the snapshot shipped with pixel (${snapshotWords(result.asOf, now)})`
        : 'nothing cached to show';
  // Failure messages can quote a server (a Location header, a socket error): sanitise them too.
  const reason = sanitizeText(failure.message, { singleLine: true });
  return `${result.source.id}: ${reason}; ${tail}`;
}

/** --offline is asked for, not a failure: one line on where the posts come from, if notable. */
export function offlineSummary(results: readonly SourceResult[], now: Date): string | undefined {
  const cached = results.filter((result) => result.from === 'cache');
  const snapshot = results.filter((result) => result.from === 'snapshot');
  const none = results.filter((result) => result.from === 'none');
  if (snapshot.length === 0 && none.length === 0) return undefined;
  const oldest = (list: readonly SourceResult[]) =>
    list
      .map((result) => result.asOf)
      .filter((date): date is Date => date !== undefined)
      .sort((a, b) => a.getTime() - b.getTime())[0];
  const parts: string[] = [];
  if (cached.length > 0) {
    const date = oldest(cached);
    parts.push(
      `${cached.length} from the cache${date ? ` (oldest checked ${ageInWords(date, now)})` : ''}`,
    );
  }
  if (snapshot.length > 0) {
    const date = oldest(snapshot);
    parts.push(
      `${snapshot.length} from the snapshot shipped with pixel${date ? ` (oldest ${snapshotWords(date, now)})` : ''}`,
    );
  }
  if (none.length > 0) {
    parts.push(`nothing yet for ${none.map((result) => result.source.id).join(', ')}`);
  }
  return `offline: ${parts.join('; ')}`;
}
