/**
 * The lines `pixel feed` prints on stderr about its sources. Quiet by default: with no network
 * one line says the listing comes from the cache and the snapshot shipped with pixel, and how
 * old they are; sources that failed for reasons of their own (blocked, gone, not a feed) get a
 * line each while there are few of them, else one line naming them all. `--verbose` gives
 * every failing source its own line.
 */
import { ageInWords } from '../core/dates.js';
import type { FeedFailureKind } from '../core/failure.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import type { SourceResult } from '../io/collect.js';

/** Failures that say the network is down or unreachable, not that the source is wrong. */
const UNREACHABLE: ReadonlySet<FeedFailureKind> = new Set(['network', 'timeout', 'deadline']);
/** More source-specific failures than this are summed up in one line. */
const MAX_SEPARATE_LINES = 3;

const day = (date: Date) => date.toISOString().slice(0, 10);

function snapshotWords(asOf: Date | undefined, now: Date): string {
  return asOf ? `captured ${day(asOf)}, ${ageInWords(asOf, now)}` : '';
}

function reasonOf(result: SourceResult): string {
  // Failure messages can quote a server (a Location header, a socket error): sanitise them too.
  return sanitizeText(result.failure?.message ?? '', { singleLine: true });
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
  return `${result.source.id}: ${reasonOf(result)}; ${tail}`;
}

function dateRange(results: readonly SourceResult[]): string {
  const dates = results
    .map((result) => result.asOf)
    .filter((date): date is Date => date !== undefined)
    .sort((a, b) => a.getTime() - b.getTime());
  const oldest = dates[0];
  const newest = dates[dates.length - 1];
  if (!oldest || !newest) return '';
  return day(oldest) === day(newest) ? day(oldest) : `${day(oldest)} to ${day(newest)}`;
}

function ids(results: readonly SourceResult[], max = 6): string {
  const names = results.map((result) => result.source.id);
  return names.length > max
    ? `${names.slice(0, max).join(', ')} and ${names.length - max} more`
    : names.join(', ');
}

/** Where the posts of unreachable sources come from, in one line. */
function unreachableLine(
  unreachable: readonly SourceResult[],
  everyRequestFailed: boolean,
): string {
  const shown = unreachable.filter((result) => result.from !== 'none');
  const none = unreachable.filter((result) => result.from === 'none');
  const snapshot = shown.some((result) => result.from === 'snapshot');
  const where = snapshot ? 'cached or shipped with pixel' : 'cached earlier';
  const range = dateRange(shown);
  const reason = reasonOf(unreachable[0] as SourceResult);
  const head = everyRequestFailed
    ? `offline: showing posts ${where}`
    : `${unreachable.length} source${unreachable.length === 1 ? '' : 's'} could not be reached (${ids(unreachable)}); showing their posts ${where}`;
  const parts =
    shown.length > 0
      ? [`${head}${range ? `, captured ${range}` : ''} (${reason})`]
      : [
          `${everyRequestFailed ? 'offline' : `could not reach ${ids(unreachable)}`} (${reason}) and nothing is cached`,
        ];
  if (none.length > 0 && shown.length > 0) parts.push(`nothing yet for ${ids(none)}`);
  return parts.join('; ');
}

export interface WarningOptions {
  now: Date;
  verbose: boolean;
}

/** Every line to print about failing sources, in order. */
export function feedWarnings(results: readonly SourceResult[], options: WarningOptions): string[] {
  const failed = results.filter((result) => result.failure && result.failure.kind !== 'offline');
  if (failed.length === 0) return [];
  if (options.verbose) {
    return failed.map((result) => failureWarning(result, options.now) ?? '').filter(Boolean);
  }
  const unreachable = failed.filter((result) => UNREACHABLE.has(result.failure!.kind));
  const own = failed.filter((result) => !UNREACHABLE.has(result.failure!.kind));
  const requested = results.filter((result) => result.from !== 'cache');
  const lines: string[] = [];
  if (unreachable.length === 1) {
    lines.push(failureWarning(unreachable[0] as SourceResult, options.now) ?? '');
  } else if (unreachable.length > 0) {
    lines.push(unreachableLine(unreachable, unreachable.length === requested.length));
  }
  if (own.length <= MAX_SEPARATE_LINES) {
    for (const result of own) lines.push(failureWarning(result, options.now) ?? '');
  } else {
    const summary = own.map((result) => `${result.source.id} (${result.failure!.kind})`);
    lines.push(
      `${own.length} sources failed: ${summary.slice(0, 6).join(', ')}${summary.length > 6 ? ', …' : ''}; --verbose says why`,
    );
  }
  return lines.filter(Boolean);
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
  if (none.length > 0) parts.push(`nothing yet for ${ids(none)}`);
  return `offline: ${parts.join('; ')}`;
}

/** The hint for "nothing could be listed", matched to why the sources failed. */
export function nothingListedHint(results: readonly SourceResult[], offline: boolean): string {
  if (offline) return 'run pixel feed once with a network connection to fill the cache';
  const kinds = new Set(results.map((result) => result.failure?.kind).filter(Boolean));
  const hints: string[] = [];
  if ([...kinds].some((kind) => UNREACHABLE.has(kind as FeedFailureKind))) {
    hints.push('check the network connection, then try again');
  }
  if (kinds.has('blocked')) hints.push('the publisher refuses the request: try later');
  if (kinds.has('not-found')) hints.push("a feed has moved: 'pixel feed sources' shows its URL");
  if (kinds.has('server-error')) hints.push('the publisher’s server failed: try again later');
  if (kinds.has('too-large')) hints.push('a feed is larger than pixel reads (8 MiB)');
  if (kinds.has('not-a-feed') || kinds.has('parse-error')) {
    hints.push('an address does not hold a readable feed: check it with pixel feed sources');
  }
  if (hints.length === 0) hints.push('pixel feed --verbose says why each source failed');
  return hints.join('; ');
}
