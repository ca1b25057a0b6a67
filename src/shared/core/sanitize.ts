/* eslint-disable no-control-regex -- matching control characters is this module's whole job */
/**
 * Removes terminal control from untrusted text (feed titles, a learner's program output, what a
 * user typed when it is echoed in an error) before it reaches the terminal: ANSI/VT escape
 * sequences (CSI, OSC, DCS, ...), C0 and C1 control characters, the Unicode bidi controls that
 * make text display differently from what it is, and the invisible characters that can hide
 * text or make two different strings look the same. Newlines and tabs survive unless
 * `singleLine` is set.
 */

import { onFirstUse } from './on-first-use.js';

// ESC followed by a CSI, OSC/DCS/SOS/PM/APC string (ended by BEL or ST), or a lone final byte.
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\u0020-\u002f]*[\u0030-\u007e]?)/g;
// 8-bit CSI and OSC/DCS strings, which some terminals still honour.
const C1_SEQUENCE =
  /\u009b[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u009c]*(?:\u0007|\u009c)?/g;

/**
 * Invisible in a terminal, or reordering what follows: Unicode's Default_Ignorable_Code_Point
 * set (soft hyphen, U+061C, zero-width space, bidi marks and isolates, word joiners, Hangul
 * fillers, tag characters, ...) except the zero-width joiner and the emoji presentation
 * selectors, which only shape the visible characters around them (👩‍💻, ❤️). Plus the
 * interlinear annotation controls, and the line and paragraph separators (some terminals break
 * the line there).
 */
const invisible = onFirstUse(
  () => /(?!\u200d|\ufe0e|\ufe0f)[\p{Default_Ignorable_Code_Point}\ufff9-\ufffb\u2028\u2029]/gu,
);
const CONTROL_KEEP_NEWLINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Anything any of the passes above would change: most text has none, and skips them all. */
const needsWork = onFirstUse(
  () =>
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufff9-\ufffb]|(?!\u200d|\ufe0e|\ufe0f)\p{Default_Ignorable_Code_Point}/u,
);

/** Runs of characters outside printable ASCII: the only places needsWork can match. */
const OUTSIDE_PRINTABLE_ASCII = /[^\u0020-\u007e]+/g;

/**
 * needsWork, tested only on the text's runs outside printable ASCII. Feed text is mostly ASCII,
 * and the Unicode pattern costs about four times a plain character class per character: on a
 * warm listing's 270 KB of cached posts, 1.4 ms became 0.35 ms.
 */
function hasWork(text: string): boolean {
  OUTSIDE_PRINTABLE_ASCII.lastIndex = 0;
  for (
    let run = OUTSIDE_PRINTABLE_ASCII.exec(text);
    run !== null;
    run = OUTSIDE_PRINTABLE_ASCII.exec(text)
  ) {
    if (needsWork().test(run[0])) return true;
  }
  return false;
}

/** SGR sequences (colour and style) alone: for measuring or un-colouring pixel's own output. */
export const SGR_SEQUENCE = /\u001b\[[0-9;]*m/g;

export function stripSgr(text: string): string {
  return text.replace(SGR_SEQUENCE, '');
}

export interface SanitizeOptions {
  /** Turn newlines and tabs into spaces and collapse runs of white space. */
  singleLine?: boolean;
}

export function sanitizeText(text: string, options: SanitizeOptions = {}): string {
  if (!hasWork(text)) {
    return options.singleLine ? text.replace(/\s+/g, ' ').trim() : text;
  }
  if (options.singleLine) {
    // Most single-line text that needs work has only line breaks and tabs (a feed's HTML
    // summary): with those folded and nothing else left, the other passes have nothing to do.
    const folded = text.replace(/[\t\n\r]/g, ' ');
    if (!hasWork(folded)) return folded.replace(/\s+/g, ' ').trim();
  }
  const withoutSequences = text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C1_SEQUENCE, '')
    .replace(invisible(), '');
  if (options.singleLine) {
    return withoutSequences
      .replace(/[\t\n\r]/g, ' ')
      .replace(CONTROL_ALL, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return withoutSequences.replace(/\r\n?/g, '\n').replace(CONTROL_KEEP_NEWLINES, '');
}

/** True when sanitizeText would change nothing: the cheap test for text read back from disk. */
export function isCleanLine(text: string): boolean {
  return !hasWork(text);
}

const MAX_QUOTED = 60;

/**
 * What the user typed, fit to quote in an error message: sanitised to one line, shortened, in
 * single quotes. An argument is untrusted text too (pasted from a web page, or from a script).
 */
export function quoted(text: string): string {
  const clean = sanitizeText(text, { singleLine: true });
  const characters = Array.from(clean);
  const short =
    characters.length > MAX_QUOTED ? `${characters.slice(0, MAX_QUOTED - 1).join('')}…` : clean;
  return `'${short}'`;
}
