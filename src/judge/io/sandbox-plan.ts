/**
 * The command line that starts a learner's program in pixel's Linux sandbox, built from a plan
 * as plain data so that it can be read and unit-tested without running it.
 *
 * What the sandbox is (the README's threat model promises exactly this):
 * - `unshare` gives the run new mount, PID, network and IPC namespaces: the program sees only its
 *   own processes (a fresh /proc), has only a loopback that is down, and when its first process
 *   ends the kernel ends every other one;
 * - the new root is a read-only bind of a skeleton folder pixel makes in its scratch folder
 *   (empty mount points and the merged-/usr symlinks), holding only read-only binds of the system
 *   folders, the language runtime, pixel's harness for that language, a few /dev nodes, and
 *   /work, a size-capped tmpfs that holds copies of the learner's files: nothing else of the
 *   machine, the user's home, pixel's package (problems, references, cases) or its state is
 *   visible, and /work is the only place it can write;
 * - `setpriv` drops every capability and sets no_new_privs; when pixel runs as root the program
 *   also runs as an unused uid, so it cannot read what only root may;
 * - rlimits cap CPU seconds, address space, file size, core dumps and processes.
 * The setup runs as (namespace) root in a shell before any learner code; if a step fails the shell
 * exits with SETUP_FAILED_CODE and the judge falls back to the reduced sandbox and says so.
 */

/** Exit code of the setup shell when the OS refuses a step (namespaces, mounts). */
export const SETUP_FAILED_CODE = 125;
/** Printed before the failing step's name on stderr. */
export const SETUP_FAILED_MARKER = 'pixel-sandbox-setup:';

/** A top-level folder of the host system, shared read-only, or re-created as a symlink. */
export type SystemEntry =
  { kind: 'dir'; path: string } | { kind: 'symlink'; path: string; target: string };

export interface Rlimits {
  cpuSeconds: number;
  addressSpaceBytes: number;
  fileSizeBytes: number;
  processes: number;
}

export interface FullSandboxPlan {
  /** root: pixel runs as root, the program as `uid`; user: an unprivileged user namespace. */
  mode: 'root' | 'user';
  /** Absolute paths of the tools, resolved on the host. */
  tools: { setpriv: string; unshare: string; chroot: string; sh: string };
  /** Scratch folder: `root/` is the mount point of the new root, `src/` holds the copies. */
  base: string;
  system: SystemEntry[];
  /** More host folders shared read-only at the same path (the runtime when it lives elsewhere). */
  readOnly: string[];
  /**
   * Host folders inside the shared ones that the program must not see (pixel's own package and
   * state, when installed under /usr or a runtime's prefix): covered by an empty tmpfs.
   */
  hidden: string[];
  /** Host folder with pixel's harness for this language, shared read-only at /pixel. */
  harnessDir: string;
  /** Size of /work (learner files, HOME and TMPDIR). */
  workBytes: number;
  /** Uid and gid of the program in root mode (one no account uses). */
  uid: number;
  /**
   * Written as a line on fd 3 once every namespace and mount is in place, before the program
   * starts: from then on nothing the program does can see the judge's process.
   */
  readyLine: string;
  limits: Rlimits;
  /** The program to run inside (absolute paths as seen inside). */
  command: string;
  args: readonly string[];
}

/** Where the sandbox's own folders are, as the program sees them. */
export const INSIDE = { work: '/work', harness: '/pixel' } as const;

const DEV_NODES = ['null', 'zero', 'random', 'urandom'];

/** Quotes a string for /bin/sh. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Paths inside the new root are the host paths without their leading slash. */
const inRoot = (path: string) => path.replace(/^\/+/, '');

/** Something the new root holds before anything is mounted, relative to it. */
export type SkeletonEntry =
  | { kind: 'dir'; path: string }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'file'; path: string };

/**
 * What pixel makes in `<base>/root` before the sandbox starts: a folder for every mount, the
 * system's top-level symlinks, and empty files for the /dev nodes to be bound onto. Made by the
 * judge with plain file calls, it costs none of the processes a setup script would start.
 */
export function rootSkeleton(plan: FullSandboxPlan): SkeletonEntry[] {
  const dirs = plan.system.filter((entry) => entry.kind === 'dir').map((entry) => entry.path);
  const folders = [...dirs, ...plan.readOnly, '/proc', '/dev', INSIDE.work, INSIDE.harness];
  // Parents before children: /home, /home/ada, ... for a runtime under a home folder.
  const withParents = new Set<string>();
  for (const folder of folders) {
    const parts = inRoot(folder).split('/');
    for (let end = 1; end <= parts.length; end++) withParents.add(parts.slice(0, end).join('/'));
  }
  return [
    ...[...withParents].map((path) => ({ kind: 'dir' as const, path })),
    ...plan.system.flatMap((entry) =>
      entry.kind === 'symlink'
        ? [{ kind: 'symlink' as const, path: inRoot(entry.path), target: entry.target }]
        : [],
    ),
    ...DEV_NODES.map((node) => ({ kind: 'file' as const, path: `dev/${node}` })),
  ];
}

/** fstab escapes whitespace and backslashes as octal (getmntent(3)). */
export function fstabEscape(path: string): string {
  return path.replace(
    /[\\ \t\n]/g,
    (char) => `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`,
  );
}

/**
 * Every mount, as an fstab for one `mount -a -T`: one process instead of one per mount (each
 * costs a few ms). First the skeleton onto itself, read-only (mount points need no write
 * access), then everything on top of it. Binds with `ro` are made read-only by mount.
 */
export function sandboxFstab(plan: FullSandboxPlan): string {
  const root = `${plan.base}/root`;
  const at = (inside: string) => fstabEscape(`${root}/${inRoot(inside)}`);
  const dirs = plan.system.filter((entry) => entry.kind === 'dir').map((entry) => entry.path);
  const owner = plan.mode === 'root' ? `,uid=${plan.uid},gid=${plan.uid}` : '';
  const lines = [
    `${fstabEscape(root)} ${fstabEscape(root)} none bind,ro,nosuid,nodev 0 0`,
    ...[...dirs, ...plan.readOnly].map(
      (path) => `${fstabEscape(path)} ${at(path)} none bind,ro 0 0`,
    ),
    `proc ${at('/proc')} proc nosuid,nodev,noexec 0 0`,
    ...DEV_NODES.map((node) => `/dev/${node} ${at(`/dev/${node}`)} none bind 0 0`),
    `pixel-work ${at(INSIDE.work)} tmpfs size=${plan.workBytes},mode=755,nosuid,nodev${owner} 0 0`,
    ...plan.hidden.map((path) => `pixel-hidden ${at(path)} tmpfs ro,size=4k,mode=555 0 0`),
    `${fstabEscape(plan.harnessDir)} ${at(INSIDE.harness)} none bind,ro 0 0`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Where the setup script expects the fstab (sandbox.ts writes it there). */
export const fstabPath = (plan: FullSandboxPlan) => `${plan.base}/fstab`;

/**
 * The setup script: one process for every mount (mount -a), then chroot and setpriv, each step
 * named so that a refusal says which. It runs in the new namespaces before any learner code; its
 * last act is to exec the program. The root's skeleton is already made (rootSkeleton); the
 * learner's files arrive later, written into /work by the harness itself.
 */
export function setupScript(plan: FullSandboxPlan): string {
  const q = shellQuote;
  const { limits } = plan;
  const lines: string[] = [
    `fail() { echo "${SETUP_FAILED_MARKER} $1" >&2; exit ${SETUP_FAILED_CODE}; }`,
    `R=${q(`${plan.base}/root`)}`,
    // Shell built-ins, inherited by everything after; -u is bash's process limit, -p dash's.
    [
      `ulimit -t ${Math.ceil(limits.cpuSeconds)}`,
      `ulimit -v ${Math.ceil(limits.addressSpaceBytes / 1024)}`,
      // POSIX shells count -f in 512-byte blocks.
      `ulimit -f ${Math.ceil(limits.fileSizeBytes / 512)}`,
      'ulimit -c 0',
      `{ ulimit -u ${limits.processes} 2>/dev/null || ulimit -p ${limits.processes}; }`,
    ].join(' && ') + ` || fail 'set the limits'`,
    `mount -a -T ${q(fstabPath(plan))} || fail 'share the system read-only'`,
    `printf '\\n%s\\n' ${q(plan.readyLine)} >&3 || fail 'report the sandbox ready'`,
  ];
  const identity =
    plan.mode === 'root' ? [`--reuid=${plan.uid}`, `--regid=${plan.uid}`, '--clear-groups'] : [];
  // pdeathsig again after the uid change (which clears it): the program dies with unshare.
  const setpriv = [
    q(plan.tools.setpriv),
    ...identity,
    '--bounding-set=-all',
    '--inh-caps=-all',
    '--no-new-privs',
    '--pdeathsig=KILL',
    '--',
  ];
  lines.push(
    `exec ${[q(plan.tools.chroot), '"$R"', ...setpriv, ...[plan.command, ...plan.args].map(q)].join(' ')}`,
  );
  return lines.join('\n');
}

/** The whole command: setpriv (dies with pixel) → unshare (namespaces) → sh (setup) → program. */
export function fullSandboxArgv(plan: FullSandboxPlan): string[] {
  return [
    plan.tools.setpriv,
    // If pixel itself is killed, unshare dies, and with it the namespace.
    '--pdeathsig=KILL',
    '--',
    plan.tools.unshare,
    ...(plan.mode === 'user' ? ['--user', '--map-root-user'] : []),
    '--mount',
    '--pid',
    '--net',
    '--ipc',
    '--fork',
    '--kill-child',
    '--propagation=private',
    '--',
    plan.tools.sh,
    '-c',
    setupScript(plan),
    'pixel-sandbox',
  ];
}

/**
 * The reduced sandbox (no namespaces): a shell sets the rlimits, then execs the program. It still
 * runs in its own process group with a scrubbed environment, a scratch folder, stdin closed and
 * every limit measured from outside, but it can read and write what the user can.
 */
export function reducedSandboxArgv(
  sh: string,
  limits: Rlimits,
  command: string,
  args: readonly string[],
): string[] {
  const script = [
    `ulimit -t ${Math.ceil(limits.cpuSeconds)}`,
    `ulimit -v ${Math.ceil(limits.addressSpaceBytes / 1024)}`,
    // POSIX shells count -f in 512-byte blocks.
    `ulimit -f ${Math.ceil(limits.fileSizeBytes / 512)}`,
    'ulimit -c 0',
    'exec "$@"',
  ].join('; ');
  return [sh, '-c', script, 'pixel-sandbox', command, ...args];
}
