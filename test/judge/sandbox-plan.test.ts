import { describe, expect, it } from 'vitest';
import {
  fstabEscape,
  fullSandboxArgv,
  reducedSandboxArgv,
  rootSkeleton,
  sandboxFstab,
  setupScript,
  shellQuote,
  type FullSandboxPlan,
} from '../../src/judge/io/sandbox-plan.js';

const plan: FullSandboxPlan = {
  mode: 'user',
  tools: {
    setpriv: '/usr/bin/setpriv',
    unshare: '/usr/bin/unshare',
    chroot: '/usr/sbin/chroot',
    sh: '/bin/sh',
  },
  base: "/tmp/pixel-judge-a b'c",
  system: [
    { kind: 'dir', path: '/usr' },
    { kind: 'symlink', path: '/bin', target: 'usr/bin' },
    { kind: 'dir', path: '/etc' },
  ],
  readOnly: ['/home/ada/.pyenv/versions/3.12.1'],
  hidden: [],
  harnessDir: '/opt/pixel/harnesses/python',
  workBytes: 1024,
  uid: 2_000_000_123,
  readyLine: 'ready-123',
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
    const fstab = sandboxFstab(plan).trim().split('\n');
    const root = "/tmp/pixel-judge-a\\040b'c/root";
    expect(fstab).toEqual([
      `${root} ${root} none bind,ro,nosuid,nodev 0 0`,
      `/usr ${root}/usr none bind,ro 0 0`,
      `/etc ${root}/etc none bind,ro 0 0`,
      `/home/ada/.pyenv/versions/3.12.1 ${root}/home/ada/.pyenv/versions/3.12.1 none bind,ro 0 0`,
      `proc ${root}/proc proc nosuid,nodev,noexec 0 0`,
      `/dev/null ${root}/dev/null none bind 0 0`,
      `/dev/zero ${root}/dev/zero none bind 0 0`,
      `/dev/random ${root}/dev/random none bind 0 0`,
      `/dev/urandom ${root}/dev/urandom none bind 0 0`,
      `pixel-work ${root}/work tmpfs size=1024,mode=755,nosuid,nodev 0 0`,
      `/opt/pixel/harnesses/python ${root}/pixel none bind,ro 0 0`,
    ]);
    const script = setupScript(plan);
    expect(script).toContain(`mount -a -T '/tmp/pixel-judge-a b'\\''c/fstab'`);
    expect(script).toContain(`R='/tmp/pixel-judge-a b'\\''c/root'`);
    // One process mounts everything: no other tool runs before chroot.
    expect(script).not.toMatch(/^(mkdir|ln|mount -t|mount -o)/m);
  });

  it('has pixel make the root’s mount points, symlinks and /dev files before it starts', () => {
    expect(rootSkeleton(plan)).toEqual([
      { kind: 'dir', path: 'usr' },
      { kind: 'dir', path: 'etc' },
      { kind: 'dir', path: 'home' },
      { kind: 'dir', path: 'home/ada' },
      { kind: 'dir', path: 'home/ada/.pyenv' },
      { kind: 'dir', path: 'home/ada/.pyenv/versions' },
      { kind: 'dir', path: 'home/ada/.pyenv/versions/3.12.1' },
      { kind: 'dir', path: 'proc' },
      { kind: 'dir', path: 'dev' },
      { kind: 'dir', path: 'work' },
      { kind: 'dir', path: 'pixel' },
      { kind: 'symlink', path: 'bin', target: 'usr/bin' },
      { kind: 'file', path: 'dev/null' },
      { kind: 'file', path: 'dev/zero' },
      { kind: 'file', path: 'dev/random' },
      { kind: 'file', path: 'dev/urandom' },
    ]);
  });

  it('covers pixel’s own folders with an empty tmpfs where a shared folder holds them', () => {
    const fstab = sandboxFstab({ ...plan, hidden: ['/usr/lib/node_modules/pixel-ml'] });
    const lines = fstab.trim().split('\n');
    const hide = lines.findIndex((line) => line.startsWith('pixel-hidden'));
    // After the binds it covers, so it lies on top of them.
    expect(hide).toBeGreaterThan(lines.findIndex((line) => line.startsWith('/usr ')));
    expect(lines[hide]).toMatch(
      /^pixel-hidden \S+\/root\/usr\/lib\/node_modules\/pixel-ml tmpfs ro,/,
    );
  });

  it('escapes fstab fields', () => {
    expect(fstabEscape('a b\tc\\d')).toBe('a\\040b\\011c\\134d');
  });

  it('drops every capability, and the uid too when pixel runs as root', () => {
    const script = setupScript(plan);
    const user = script.split('\n').at(-1) as string;
    expect(user).toContain('--bounding-set=-all --inh-caps=-all --no-new-privs --pdeathsig=KILL');
    expect(user).not.toContain('--reuid');
    expect(script).toContain(
      'ulimit -t 11 && ulimit -v 2097152 && ulimit -f 2048 && ulimit -c 0 && { ulimit -u 64 2>/dev/null || ulimit -p 64; }',
    );
    const root = setupScript({ ...plan, mode: 'root' });
    expect(root).toContain('--reuid=2000000123 --regid=2000000123 --clear-groups');
    expect(sandboxFstab({ ...plan, mode: 'root' })).toContain(',uid=2000000123,gid=2000000123');
  });

  it('says on fd 3 when the set-up is complete, just before the program starts', () => {
    const lines = setupScript(plan).split('\n');
    expect(lines.at(-2)).toBe(
      `printf '\\n%s\\n' 'ready-123' >&3 || fail 'report the sandbox ready'`,
    );
  });

  it('names the step the OS refused', () => {
    expect(setupScript(plan)).toContain(`|| fail 'share the system read-only'`);
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
