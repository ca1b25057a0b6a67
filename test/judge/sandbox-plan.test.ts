import { describe, expect, it } from 'vitest';
import {
  fullSandboxArgv,
  reducedSandboxArgv,
  setupScript,
  shellQuote,
  type FullSandboxPlan,
} from '../../src/io/judge/sandbox-plan.js';

const plan: FullSandboxPlan = {
  mode: 'user',
  tools: {
    setpriv: '/usr/bin/setpriv',
    unshare: '/usr/bin/unshare',
    chroot: '/usr/sbin/chroot',
    prlimit: '/usr/bin/prlimit',
    sh: '/bin/sh',
  },
  base: "/tmp/pixel-judge-a b'c",
  system: [
    { kind: 'dir', path: '/usr' },
    { kind: 'symlink', path: '/bin', target: 'usr/bin' },
    { kind: 'dir', path: '/etc' },
  ],
  readOnly: ['/home/ada/.pyenv/versions/3.12.1'],
  harnessDir: '/opt/pixel/harnesses/python',
  workBytes: 1024,
  uid: 2_000_000_123,
  limits: { cpuSeconds: 10.2, addressSpaceBytes: 2 ** 31, fileSizeBytes: 2 ** 20, processes: 64 },
  command: '/home/ada/.pyenv/versions/3.12.1/bin/python3',
  args: ['-B', '/pixel/harness.py'],
};

describe('the full sandbox command', () => {
  it('quotes anything for /bin/sh', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf ~)')).toBe(`'$(rm -rf ~)'`);
  });

  it('makes new mount, PID, network and IPC namespaces and dies with pixel', () => {
    const argv = fullSandboxArgv(plan);
    expect(argv.slice(0, 4)).toEqual([
      '/usr/bin/setpriv',
      '--pdeathsig=KILL',
      '--',
      '/usr/bin/unshare',
    ]);
    for (const flag of [
      '--user',
      '--map-root-user',
      '--mount',
      '--pid',
      '--net',
      '--ipc',
      '--fork',
      '--kill-child',
    ])
      expect(argv).toContain(flag);
    expect(fullSandboxArgv({ ...plan, mode: 'root' })).not.toContain('--user');
  });

  it('shares only read-only system folders, the runtime and the harness', () => {
    const script = setupScript(plan);
    expect(script).toContain(`mount --bind -o ro '/usr' 'usr'`);
    expect(script).toContain(`mount --bind -o ro '/etc' 'etc'`);
    expect(script).toContain(
      `mount --bind -o ro '/home/ada/.pyenv/versions/3.12.1' 'home/ada/.pyenv/versions/3.12.1'`,
    );
    expect(script).toContain(`mount --bind -o ro '/opt/pixel/harnesses/python' 'pixel'`);
    expect(script).toContain(`ln -s 'usr/bin' 'bin'`);
    // Every bind is read-only but /dev nodes; /work is its own size-capped tmpfs.
    const binds = script.split('\n').filter((line) => line.includes('mount --bind'));
    expect(
      binds.filter((line) => !line.includes('-o ro')).every((line) => line.includes('/dev/')),
    ).toBe(true);
    expect(script).toMatch(/mount -t tmpfs -o size=1024,mode=755,nosuid,nodev pixel-work 'work'/);
    expect(script).toContain(`mount -t proc -o nosuid,nodev,noexec proc proc`);
    expect(script).toContain('mount -o remount,bind,ro "$R"');
    expect(script).toContain(`R='/tmp/pixel-judge-a b'\\''c/root'`);
  });

  it('drops every capability, and the uid too when pixel runs as root', () => {
    const user = setupScript(plan).split('\n').at(-1) as string;
    expect(user).toContain('--bounding-set=-all --inh-caps=-all --no-new-privs --pdeathsig=KILL');
    expect(user).not.toContain('--reuid');
    expect(user).toContain(
      `'/usr/bin/prlimit' --cpu=11 --as=2147483648 --fsize=1048576 --core=0 --nproc=64`,
    );
    const root = setupScript({ ...plan, mode: 'root' });
    expect(root).toContain('--reuid=2000000123 --regid=2000000123 --clear-groups');
    expect(root).toContain(',uid=2000000123,gid=2000000123');
  });

  it('names the step the OS refused', () => {
    expect(setupScript(plan)).toContain(`|| fail 'a fresh /proc'`);
  });
});

describe('the reduced sandbox command', () => {
  it('sets the rlimits, then execs the program', () => {
    const argv = reducedSandboxArgv(
      '/bin/sh',
      { cpuSeconds: 3, addressSpaceBytes: 2 ** 30, fileSizeBytes: 2 ** 20, processes: 64 },
      'python3',
      ['harness.py'],
    );
    expect(argv[2]).toBe('ulimit -t 3; ulimit -v 1048576; ulimit -f 2048; ulimit -c 0; exec "$@"');
    expect(argv.slice(3)).toEqual(['pixel-sandbox', 'python3', 'harness.py']);
  });
});
