import { spawnSync } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import type { Language } from '../core/problem-schema.js';

/** How to start a language's harness, and what of the host it needs to see in the sandbox. */
export interface Runtime {
  /** The interpreter itself (never a shim script): the sandbox runs it directly. */
  command: string;
  /** `{harness}` stands for the harness folder as the program sees it. */
  args: string[];
  /** Harness folder name under harnesses/. */
  harness: 'python' | 'javascript';
  /** Extra environment for the runtime (still nothing of the user's). */
  env: Record<string, string>;
  /** Host folders shared read-only in the sandbox: the install prefix, a venv, user packages. */
  folders: string[];
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
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** True for `#!` scripts: pyenv and asdf shims, wrappers. */
function isScript(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A folder and the install prefix it lives in (…/bin/python3 → …). */
const prefixOf = (executable: string) => dirname(dirname(executable));

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const PYTHON_HINT =
  'install Python 3.8 or newer (e.g. `sudo apt install python3`, `brew install python`, or python.org), or set PIXEL_PYTHON to its path';

/**
 * The real Python interpreter. A shim (pyenv, asdf) is asked once where the interpreter it
 * chooses lives, from the solution's folder so that a `.python-version` there counts; the
 * sandbox then runs that interpreter directly (a shim needs the user's home, which it cannot see).
 */
function resolvePython(env: NodeJS.ProcessEnv, cwd: string): string {
  const configured = env.PIXEL_PYTHON?.trim();
  const candidate = configured
    ? isAbsolute(configured)
      ? configured
      : findOnPath(configured, env.PATH)
    : findOnPath('python3', env.PATH);
  if (!candidate) {
    throw new EnvironmentError(
      configured
        ? `PIXEL_PYTHON=${configured} is not a program on PATH`
        : 'python3 is not installed or not on PATH',
      { hint: PYTHON_HINT },
    );
  }
  try {
    accessSync(candidate, constants.X_OK);
  } catch {
    throw new EnvironmentError(`cannot run the Python interpreter ${candidate}`, {
      hint: PYTHON_HINT,
    });
  }
  if (!isScript(candidate)) return candidate;
  const key = `${candidate}\0${cwd}`;
  const known = shimTargets.get(key);
  if (known) return known;
  const asked = spawnSync(candidate, ['-c', 'import sys; print(sys.executable)'], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  const executable = asked.status === 0 ? asked.stdout.trim() : '';
  if (!executable || !isAbsolute(executable) || !existsSync(executable)) {
    const detail = (asked.stderr ?? '').trim().split('\n').pop();
    throw new EnvironmentError(
      `${candidate} did not start a Python interpreter${detail ? `: ${detail}` : ''}`,
      { hint: PYTHON_HINT },
    );
  }
  shimTargets.set(key, executable);
  return executable;
}

/** What each shim chose, per folder, for this process (`pixel test` starts one run per example). */
const shimTargets = new Map<string, string>();

function userBase(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PYTHONUSERBASE) return env.PYTHONUSERBASE;
  // Linux's default user base; elsewhere it depends on the Python version, so leave it.
  if (env.HOME && process.platform === 'linux') return join(env.HOME, '.local');
  return undefined;
}

/**
 * The runtime for a language, or an EnvironmentError saying what to install. Python is
 * `python3` on PATH (a virtual environment's, when one is active) unless PIXEL_PYTHON names
 * one; JavaScript and TypeScript run on the Node that runs pixel.
 */
export function resolveRuntime(language: Language, env: NodeJS.ProcessEnv, cwd: string): Runtime {
  if (language === 'python') {
    const python = resolvePython(env, cwd);
    const base = userBase(env);
    return {
      command: python,
      // -B: no .pyc files; -s is not used, so packages installed with `pip --user` import.
      args: ['-B', '{harness}/harness.py'],
      harness: 'python',
      env: {
        ...(base ? { PYTHONUSERBASE: base } : {}),
        PYTHONHASHSEED: '0',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONIOENCODING: 'utf-8',
        // One BLAS thread: deterministic sums and no thread pools outliving the call.
        OPENBLAS_NUM_THREADS: '1',
        OMP_NUM_THREADS: '1',
        MKL_NUM_THREADS: '1',
      },
      // A venv's folder and the interpreter it points to; user packages if there are any.
      folders: [
        prefixOf(python),
        prefixOf(realpathOr(python)),
        ...(base && existsSync(join(base, 'lib')) ? [join(base, 'lib')] : []),
      ],
    };
  }
  return {
    command: process.execPath,
    // No V8 flag sets the heap's size: any V8 flag costs ~12 ms of Node's start-up (measured:
    // `node --max-old-space-size=512` 50 ms against 38 ms for `node`), and the judge already
    // limits resident memory from outside, over the whole tree, with RLIMIT_AS behind it.
    args: ['--enable-source-maps', '--no-warnings', '{harness}/harness.mjs'],
    harness: 'javascript',
    env: {},
    folders: [prefixOf(realpathOr(process.execPath))],
  };
}
