import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../helpers/run-pixel.js';

/**
 * The README's first command, run as a normal user (setpriv to a uid no account uses) in a
 * checkout that user owns, where `npm link` used to fail with EACCES on the global prefix.
 * Tests never reach the registry, so the dependencies `npm ci` would fetch are copied in from
 * this checkout and the step `npm ci` then runs (`prepare`, the build) runs as that user; the
 * rest of the README's line runs exactly as written.
 */
const UNPRIVILEGED = 4243;
const canSwitchUser =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('setpriv', ['--reuid=4243', '--regid=4243', '--clear-groups', '--', 'true']).status ===
    0;
const files = spawnSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
const tracked = files.status === 0 ? files.stdout.split('\0').filter(Boolean) : [];

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-install-');
  await chmod(temp.dir, 0o755);
});
afterAll(() => temp.cleanup());

/** The first line of the README's first shell block, without its comment. */
async function firstCommand(): Promise<string> {
  const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /```sh\n([^\n]*)\n/.exec(readme);
  return (block?.[1] ?? '').replace(/\s+#.*$/, '').trim();
}

function asUser(command: string, cwd: string) {
  return spawnSync(
    'setpriv',
    [
      `--reuid=${UNPRIVILEGED}`,
      `--regid=${UNPRIVILEGED}`,
      '--clear-groups',
      '--',
      'env',
      '-i',
      // The unprivileged user cannot enter /root, where this machine keeps pyenv.
      `PATH=${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
      `HOME=${join(temp.dir, 'home')}`,
      `npm_config_cache=${join(temp.dir, 'npm-cache')}`,
      'npm_config_offline=true',
      'npm_config_update_notifier=false',
      'LANG=C.UTF-8',
      'sh',
      '-c',
      command,
    ],
    { cwd, encoding: 'utf8', timeout: 240_000 },
  );
}

describe.skipIf(!canSwitchUser || tracked.length === 0)(
  'the README install, as a normal user',
  () => {
    it(
      'is `npm ci`, then pixel through npx: no root, no global install',
      { timeout: 300_000 },
      async () => {
        const command = await firstCommand();
        const steps = command.split('&&').map((step) => step.trim());
        expect(steps[0]).toBe('npm ci');
        expect(command).not.toMatch(/\bsudo\b|npm link|install -g|--global/);
        expect(steps.at(-1)).toMatch(/^npx pixel learn \S+$/);

        const app = join(temp.dir, 'app');
        await mkdir(join(temp.dir, 'home'), { recursive: true });
        for (const file of tracked) {
          await mkdir(dirname(join(app, file)), { recursive: true });
          expect(spawnSync('cp', ['-p', join(REPO_ROOT, file), join(app, file)]).status).toBe(0);
        }
        expect(
          spawnSync('cp', ['-a', join(REPO_ROOT, 'node_modules'), join(app, 'node_modules')])
            .status,
        ).toBe(0);
        expect(spawnSync('chown', ['-R', `${UNPRIVILEGED}:${UNPRIVILEGED}`, temp.dir]).status).toBe(
          0,
        );

        // What `npm ci` runs once the dependencies are in place: the package's `prepare`, the build.
        const prepared = asUser('npm run prepare', app);
        expect(prepared.status, prepared.stderr).toBe(0);

        const run = asUser(steps.slice(1).join(' && '), app);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/^MLOps/);
        expect(run.stdout.length).toBeGreaterThan(5000);
      },
    );
  },
);
