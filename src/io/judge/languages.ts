import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import type { Language } from '../../core/judge/problem-schema.js';

/** How to start a language's harness: the runtime and the arguments before the payload. */
export interface Launch {
  command: string;
  args: string[];
  /** Harness file under harnesses/. */
  harness: string;
  /** Extra environment for the runtime (still nothing of the user's). */
  env: Record<string, string>;
}

export const LANGUAGE_BY_EXTENSION: Record<string, Language> = {
  '.py': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
};

function findOnPath(name: string, path: string | undefined): string | undefined {
  for (const folder of (path ?? '').split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function userBase(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.PYTHONUSERBASE) return { PYTHONUSERBASE: env.PYTHONUSERBASE };
  // Linux's default user base; elsewhere it depends on the Python version, so leave it.
  if (env.HOME && process.platform === 'linux') {
    return { PYTHONUSERBASE: join(env.HOME, '.local') };
  }
  return {};
}

/**
 * The runtime for a language, or an EnvironmentError saying what to install. Python is
 * `python3` on PATH (a virtual environment's, when one is active) unless PIXEL_PYTHON names
 * one; JavaScript and TypeScript run on the Node that runs pixel.
 */
export function resolveLaunch(
  language: Language,
  env: NodeJS.ProcessEnv,
  harnessRoot: string,
  memoryMiB: number,
): Launch {
  if (language === 'python') {
    const python = env.PIXEL_PYTHON?.trim() || findOnPath('python3', env.PATH);
    if (!python) {
      throw new EnvironmentError('python3 is not installed or not on PATH', {
        hint: 'install Python 3.8 or newer (e.g. `sudo apt install python3`, `brew install python`, or python.org), or set PIXEL_PYTHON to its path',
      });
    }
    return {
      command: python,
      // -B: no .pyc files in the learner's folder; -u is not used (prints are flushed per call).
      args: ['-B', join(harnessRoot, 'python', 'harness.py')],
      harness: 'python',
      env: {
        // HOME is the scratch folder in the sandbox; keep packages installed with `pip --user`
        // importable by pointing Python at the real user base (a path, nothing secret).
        ...userBase(env),
        PYTHONHASHSEED: '0',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONIOENCODING: 'utf-8',
        // One BLAS thread: deterministic sums and no thread pools outliving the call.
        OPENBLAS_NUM_THREADS: '1',
        OMP_NUM_THREADS: '1',
        MKL_NUM_THREADS: '1',
      },
    };
  }
  return {
    command: process.execPath,
    args: [
      `--max-old-space-size=${Math.floor(memoryMiB)}`,
      '--enable-source-maps',
      '--no-warnings',
      join(harnessRoot, 'javascript', 'harness.mjs'),
    ],
    harness: 'javascript',
    env: {},
  };
}
