/**
 * ink hands keys that reach it in one read to useInput as one string: six backspaces sent at
 * once arrive as "\x7f\x7f\x7f\x7f\x7f\x7f" with no key flag set, and a keymap that looks for
 * `key.backspace` drops them all. splitKeys turns such a burst back into the keys a person
 * pressed, so every screen applies all of them, in order.
 */

/**
 * The flags of ink's Key that pixel's keymaps read, every one optional, so that a keymap is a
 * pure function a test can call with `{ upArrow: true }`.
 */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

const CONTROL_KEYS: Record<string, KeyInfo> = {
  '\u007f': { backspace: true },
  '\b': { backspace: true },
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
};

/**
 * One [input, key] pair per key of a burst. A single key or a named key (arrows, Escape: ink
 * parses their sequences itself) comes back unchanged; a paste splits into its characters,
 * which a text field takes one by one to the same effect.
 */
export function splitKeys<K extends object>(input: string, key: K): Array<[string, K | KeyInfo]> {
  const chars = [...input];
  if (chars.length < 2 || input.includes('\u001b')) return [[input, key]];
  return chars.map((char): [string, KeyInfo] => {
    const named = CONTROL_KEYS[char];
    if (named) return ['', named];
    const code = char.codePointAt(0) ?? 0;
    // Ctrl+letter arrives as the letter's position in the alphabet (Ctrl-C is 3).
    if (code < 0x20) return [String.fromCodePoint(code + 0x60), { ctrl: true }];
    return [char, {}];
  });
}
