/**
 * Dates, parsed the same on every machine: `new Date(text)` reads a date without a zone in the
 * local time zone (rss-parser's isoDate does), so a zone-less date is read as UTC here instead.
 */

const HAS_MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const HAS_ZONE = new RegExp(
  String.raw`(?:Z|[+-]\d{2}:?\d{2}|\b(?:UT|UTC|GMT|[ECMP][SD]T|[A-IK-Z]))\s*$`,
  'i',
);

/**
 * Zone abbreviations seen in feeds that Date.parse does not know (it knows only UT, GMT and
 * the four US zones). Where one is ambiguous the reading commonest in English-language feeds
 * wins: IST is India, BST is British Summer Time.
 */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  IST: '+0530',
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  JST: '+0900',
  KST: '+0900',
  HKT: '+0800',
  SGT: '+0800',
  AWST: '+0800',
  ACST: '+0930',
  ACDT: '+1030',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
  AST: '-0400',
  ADT: '-0300',
  NST: '-0330',
  NDT: '-0230',
};
const NAMED_ZONE = /\b([A-Z]{3,4})\s*$/i;

/** `... 10:00:00 CEST` → `... 10:00:00 +0200`, for the zones Date.parse cannot read. */
function numericZone(text: string): string {
  const match = NAMED_ZONE.exec(text);
  const offset = match?.[1] ? ZONE_OFFSETS[match[1].toUpperCase()] : undefined;
  return offset && match ? `${text.slice(0, match.index)}${offset}` : text;
}
/** Posts from before the web had feeds, or far in the future, are a broken date, not news. */
const EARLIEST = Date.UTC(1995, 0, 1);
const LATEST_AHEAD_MS = 366 * 24 * 3600 * 1000;

export function parseFeedDate(raw: string | undefined | null, now?: Date): Date | undefined {
  const text = raw?.trim();
  if (!text || text.length > 64) return undefined;
  let ms: number;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ms = Date.parse(`${text}T00:00:00Z`);
  } else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
    const iso = text.replace(' ', 'T');
    ms = Date.parse(HAS_ZONE.test(iso) ? iso : `${iso}Z`);
  } else if (HAS_MONTH_NAME.test(text)) {
    // RFC 822 (`Tue, 10 Jun 2026 04:00:00 +0000`) or a human date (`Aug 18, 2026`).
    const zoned = numericZone(text);
    ms = Date.parse(HAS_ZONE.test(zoned) ? zoned : `${zoned} UTC`);
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms) || ms < EARLIEST) return undefined;
  if (now && ms > now.getTime() + LATEST_AHEAD_MS) return undefined;
  return new Date(ms);
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** `500ms`, `10s`, `30m`, `2h`, `7d`, `2w`; a bare number is seconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d|w)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = UNIT_MS[(match[2] ?? 's').toLowerCase()];
  const value = Number(match[1]) * (unit ?? 1000);
  return Number.isFinite(value) ? value : undefined;
}

/** `--since`: a duration back from now (`7d`) or a calendar date (`2026-11-01`, as UTC). */
export function parseSince(text: string, now: Date): Date | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return parseFeedDate(text.trim());
  const ms = parseDuration(text);
  if (ms === undefined || /^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return new Date(now.getTime() - ms);
}

/** A short age for one line per post: `now`, `5m`, `3h`, `2d`, `3w`, `Mar 4`, `2024-03`. */
export function shortAge(date: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - date.getTime()) / 1000);
  if (seconds < 60) return 'now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)}d`;
  if (seconds < 8 * 7 * 86_400) return `${Math.floor(seconds / (7 * 86_400))}w`;
  const month = date.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  if (date.getUTCFullYear() === now.getUTCFullYear()) return `${month} ${date.getUTCDate()}`;
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A phrase for messages: `just now`, `5 minutes ago`, `3 hours ago`, `1 year ago`. */
export function ageInWords(date: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - date.getTime()) / 1000);
  const steps: [number, string][] = [
    [365 * 86_400, 'year'],
    [30 * 86_400, 'month'],
    [7 * 86_400, 'week'],
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of steps) {
    if (seconds >= size) {
      const count = Math.floor(seconds / size);
      return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

/** `500ms`, `1s`, `2.5s`: a duration as a user typed it. */
export function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${ms}ms`;
}
