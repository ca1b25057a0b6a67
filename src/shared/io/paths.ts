import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where pixel keeps its files. */
export interface PixelPaths {
  /** Progress and other state worth keeping (XDG data). */
  data: string;
  /** Things that can be fetched again, such as the feed cache (XDG cache). */
  cache: string;
  /** Settings and the user's own feed sources (XDG config). */
  config: string;
}

/**
 * `PIXEL_HOME` puts everything under one folder (tests and portable installs use it); otherwise
 * the XDG base directories, with their documented defaults when unset or not absolute.
 */
export function resolvePaths(env: NodeJS.ProcessEnv, home: string = homedir()): PixelPaths {
  const pixelHome = env.PIXEL_HOME?.trim();
  if (pixelHome) {
    return {
      data: join(pixelHome, 'data'),
      cache: join(pixelHome, 'cache'),
      config: join(pixelHome, 'config'),
    };
  }
  const xdg = (name: string, fallback: string): string => {
    const value = env[name]?.trim();
    // The XDG spec says relative paths are invalid and must be ignored.
    return value && value.startsWith('/') ? join(value, 'pixel') : join(home, fallback, 'pixel');
  };
  return {
    data: xdg('XDG_DATA_HOME', '.local/share'),
    cache: xdg('XDG_CACHE_HOME', '.cache'),
    config: xdg('XDG_CONFIG_HOME', '.config'),
  };
}
