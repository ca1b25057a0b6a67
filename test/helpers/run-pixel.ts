import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const PIXEL_BIN = join(REPO_ROOT, 'bin', 'pixel.js');

export interface PixelRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunPixelOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /** A command that runs pixel, e.g. setpriv to another user: prefix + node + bin/pixel.js. */
  prefix?: string[];
  /** Another built pixel to run (a copy's bin/pixel.js) instead of this checkout's. */
  bin?: string;
}

/**
 * Runs the real bin/pixel.js in a child process, as a user would, with a clean environment:
 * no colour unless asked for, TZ=UTC, and whatever PIXEL_HOME the test gives.
 */
export function runPixel(args: string[], options: RunPixelOptions = {}): Promise<PixelRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    LANG: 'C.UTF-8',
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const [command, ...commandArgs] = [
      ...(options.prefix ?? []),
      process.execPath,
      options.bin ?? PIXEL_BIN,
      ...args,
    ] as [string, ...string[]];
    const child = spawn(command, commandArgs, {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary folder; remove it with the returned cleanup. */
export async function makeTempDir(
  prefix = 'pixel-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** True when text carries any escape sequence or C0 control other than newline and tab. */
export function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

/** Resolves once the growing text that `read` returns contains `needle`; fails after the timeout. */
export async function waitForText(
  read: () => string,
  needle: string | RegExp,
  timeoutMs = 40_000,
): Promise<void> {
  const started = Date.now();
  const found = () => (typeof needle === 'string' ? read().includes(needle) : needle.test(read()));
  while (!found()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${String(needle)}; got:\n${read()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
