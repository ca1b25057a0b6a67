import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/shared/ui/color.js';
import { resolvePaths } from '../../src/shared/io/paths.js';

describe('colorEnabled', () => {
  it.each([
    [{}, true, false, true],
    [{}, false, false, false],
    [{}, true, true, false],
    [{ NO_COLOR: '1' }, true, false, false],
    [{ NO_COLOR: '' }, true, false, true],
    [{ FORCE_COLOR: '1' }, false, false, true],
    [{ FORCE_COLOR: '0' }, true, false, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, true, false, false],
    [{ FORCE_COLOR: '1' }, true, true, false],
    [{ TERM: 'dumb' }, true, false, false],
  ])('env %j, tty %s, --no-color %s → %s', (env, isTTY, noColorFlag, expected) => {
    expect(colorEnabled({ env, isTTY, noColorFlag })).toBe(expected);
  });
});

describe('resolvePaths', () => {
  it('puts everything under PIXEL_HOME when set', () => {
    expect(resolvePaths({ PIXEL_HOME: '/p', XDG_DATA_HOME: '/x' }, '/home/u')).toEqual({
      data: '/p/data',
      cache: '/p/cache',
      config: '/p/config',
    });
  });

  it('follows the XDG variables, ignoring relative ones as the spec says', () => {
    expect(
      resolvePaths(
        { XDG_DATA_HOME: '/d', XDG_CACHE_HOME: 'relative', XDG_CONFIG_HOME: '/c' },
        '/home/u',
      ),
    ).toEqual({ data: '/d/pixel', cache: '/home/u/.cache/pixel', config: '/c/pixel' });
  });

  it('falls back to the XDG defaults', () => {
    expect(resolvePaths({}, '/home/u')).toEqual({
      data: '/home/u/.local/share/pixel',
      cache: '/home/u/.cache/pixel',
      config: '/home/u/.config/pixel',
    });
  });
});
