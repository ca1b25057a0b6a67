/* eslint-disable no-control-regex -- matching control characters is this module's whole job */
/**
 * Removes terminal control from untrusted text (feed titles, a learner's program output) before
 * it reaches the terminal: ANSI/VT escape sequences (CSI, OSC, DCS, ...), C0 and C1 control
 * characters, and the Unicode bidi overrides that can make text display differently from what
 * it is. Newlines and tabs survive unless `singleLine` is set.
 */

// ESC followed by a CSI, OSC/DCS/SOS/PM/APC string (ended by BEL or ST), or a lone final byte.
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\u0020-\u002f]*[\u0030-\u007e]?)/g;
// 8-bit CSI and OSC/DCS strings, which some terminals still honour.
const C1_SEQUENCE =
  /\u009b[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u009c]*(?:\u0007|\u009c)?/g;
const CONTROL_KEEP_NEWLINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface SanitizeOptions {
  /** Turn newlines and tabs into spaces and collapse runs of white space. */
  singleLine?: boolean;
}

export function sanitizeText(text: string, options: SanitizeOptions = {}): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCE, '').replace(C1_SEQUENCE, '');
  if (options.singleLine) {
    return withoutSequences
      .replace(/[\t\n\r]/g, ' ')
      .replace(CONTROL_ALL, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return withoutSequences.replace(/\r\n?/g, '\n').replace(CONTROL_KEEP_NEWLINES, '');
}
