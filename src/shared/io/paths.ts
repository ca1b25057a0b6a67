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
export function resolvePaths(env: NodeJS.ProcessEnv, home?: string): PixelPaths {
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
    return value && value.startsWith('/')
      ? join(value, 'pixel')
      : join(home ?? homeFolder(env), fallback, 'pixel');
  };
  return {
    data: xdg('XDG_DATA_HOME', '.local/share'),
    cache: xdg('XDG_CACHE_HOME', '.cache'),
    config: xdg('XDG_CONFIG_HOME', '.config'),
  };
}

/**
 * The user's home folder as os.homedir() finds it. On Linux and macOS that is $HOME when set, so
 * $HOME is read here and node:os (~0.3 ms to load at every start) is asked only when it is
 * unset, or on Windows, where os.homedir() reads USERPROFILE instead.
 */
export function homeFolder(env: NodeJS.ProcessEnv): string {
  if (env.HOME && process.platform !== 'win32') return env.HOME;
  return process.getBuiltinModule('node:os').homedir();
}
