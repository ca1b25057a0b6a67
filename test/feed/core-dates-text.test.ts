import { describe, expect, it } from 'vitest';
import {
  ageInWords,
  parseDuration,
  parseFeedDate,
  parseSince,
  shortAge,
} from '../../src/feed/core/dates.js';
import { decodeEntities, htmlToText, truncateText } from '../../src/feed/core/html-text.js';
import {
  textWidth as displayWidth,
  truncateToWidth as fitToWidth,
} from '../../src/shared/core/text-width.js';
import { detectCharset, repairWindows1252 } from '../../src/feed/core/charset.js';

const now = new Date('2026-11-27T12:00:00Z');

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2026 04:00:00 +0000', '2026-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2026 04:00:00 GMT', '2026-06-10T04:00:00.000Z'],
    ['Mon, 20 Apr 2026 02:00:00 -0700', '2026-04-20T09:00:00.000Z'],
    ['Tue, 10 Jun 2026 04:00:00 PDT', '2026-06-10T11:00:00.000Z'],
    ['2026-08-14', '2026-08-14T00:00:00.000Z'],
    ['2026-08-14T10:00:00', '2026-08-14T10:00:00.000Z'],
    ['2026-08-14 10:00:00', '2026-08-14T10:00:00.000Z'],
    ['2026-08-14T10:00:00+02:00', '2026-08-14T08:00:00.000Z'],
    ['Aug 18, 2026', '2026-08-18T00:00:00.000Z'],
  ])('reads %s the same in every time zone', (text, iso) => {
    expect(parseFeedDate(text)?.toISOString()).toBe(iso);
  });

  it.each(['not a date', '', '14-08-2026', '1970-01-01', 'Feb 30 2026 nonsense zone'])(
    'gives no date for %j',
    (text) => {
      expect(parseFeedDate(text)).toBeUndefined();
    },
  );

  it('refuses dates more than a year ahead', () => {
    expect(parseFeedDate('2031-01-01', now)).toBeUndefined();
  });
});

describe('durations and ages', () => {
  it('parses durations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('10')).toBe(10_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('parses --since as a duration back or a date', () => {
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(parseSince('2026-11-01', now)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseSince('7', now)).toBeUndefined();
    expect(parseSince('last week', now)).toBeUndefined();
  });

  it('formats short ages and ages in words', () => {
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(shortAge(ago(10_000), now)).toBe('now');
    expect(shortAge(ago(5 * 60_000), now)).toBe('5m');
    expect(shortAge(ago(3 * 3_600_000), now)).toBe('3h');
    expect(shortAge(ago(2 * 86_400_000), now)).toBe('2d');
    expect(shortAge(ago(20 * 86_400_000), now)).toBe('2w');
    expect(shortAge(new Date('2026-03-04T00:00:00Z'), now)).toBe('Mar 4');
    expect(shortAge(new Date('2024-03-04T00:00:00Z'), now)).toBe('2024-03');
    expect(ageInWords(ago(1000), now)).toBe('just now');
    expect(ageInWords(ago(3_600_000), now)).toBe('1 hour ago');
    expect(ageInWords(ago(400 * 86_400_000), now)).toBe('1 year ago');
  });
});

describe('htmlToText', () => {
  it('drops script, style and head contents, comments and tags, and decodes entities', () => {
    const html =
      '<head><meta name=x></head><style>.a{color:red}</style><p>Hello&nbsp;<b>world</b> &amp; co&#8217;s</p>' +
      '<script type="math/tex">x^2</script><!-- note --><br/>done &hellip;';
    expect(htmlToText(html)).toBe('Hello world & co’s done …');
  });

  it('drops everything after an unclosed script', () => {
    expect(htmlToText('before <script>alert(1) and the rest')).toBe('before');
  });

  it('removes escape sequences and controls', () => {
    // \u009b is an 8-bit CSI: the `d` after it is its final byte, eaten as a terminal would.
    expect(htmlToText('a\u001b[31mb\u0007c\u009bd\u202ee')).toBe('abce');
  });

  it('turns invalid character references into U+FFFD, as browsers do, never a broken string', () => {
    expect(decodeEntities('&#xD800;&#1114112;&bogus;')).toBe('\ufffd\ufffd&bogus;');
  });

  it('truncates at a word boundary', () => {
    expect(truncateText('one two three four five', 16)).toBe('one two three…');
    expect(truncateText('short', 12)).toBe('short');
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    // The rule as first written (by whole characters, through Array.from), as the reference.
    const byCharacters = (text: string, max: number) => {
      const characters = Array.from(text);
      if (characters.length <= max) return text;
      const cut = characters.slice(0, max - 1).join('');
      const space = cut.lastIndexOf(' ');
      const trimmed = space > max * 0.6 ? cut.slice(0, space) : cut;
      return `${trimmed.replace(/[\s,.;:–—-]+$/, '')}…`;
    };
    const pieces = ['a', 'é', ' ', '😀', '👩‍💻', '\ud800', '\udc00', '日', '-'];
    for (let seed = 1; seed <= 400; seed++) {
      let text = '';
      for (let n = 0, state = seed; n < (seed % 23) + 5; n++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        text += pieces[state % pieces.length];
      }
      for (const max of [3, 5, 8, 13])
        expect(truncateText(text, max)).toBe(byCharacters(text, max));
    }
    expect(truncateText('😀😀😀😀', 4)).toBe('😀😀😀😀');
    expect(truncateText('😀😀😀😀😀', 4)).toBe('😀😀😀…');
  });
});

describe('terminal width', () => {
  it('counts wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(fitToWidth('日本語のタイトル', 7)).toBe('日本語…');
    expect(fitToWidth('a long title here', 10)).toBe('a long ti…');
  });
});

describe('charset', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('prefers the BOM, then the header, then the XML declaration', () => {
    expect(
      detectCharset(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]), 'text/xml; charset=latin1'),
    ).toBe('utf-8');
    expect(
      detectCharset(
        bytes('<?xml version="1.0" encoding="ISO-8859-2"?>'),
        'application/xml; charset="windows-1252"',
      ),
    ).toBe('windows-1252');
    expect(
      detectCharset(bytes("<?xml version='1.0' encoding='ISO-8859-2'?>"), 'application/xml'),
    ).toBe('iso-8859-2');
    expect(detectCharset(bytes('<rss/>'), null)).toBe('utf-8');
  });

  it('maps windows-1252 bytes 0x80-0x9F as browsers do', () => {
    expect(repairWindows1252('\u0093hi\u0094 \u0080 \u0097')).toBe('“hi” € —');
  });
});
