import type * as InkModule from 'ink';
import type * as ReactModule from 'react';
import { importModule } from '../../import-module.js';

/**
 * ink and react are loaded from node_modules at run time rather than bundled (scripts/build.mjs
 * marks them external): bundling ink drags in its optional devtools import, and only the
 * interactive screens need them, so every other command stays free of their start-up cost
 * (importing ink costs several times node's own start-up).
 * They are ES modules: see src/import-module.ts.
 */
export async function loadInk(): Promise<{ React: typeof ReactModule; ink: typeof InkModule }> {
  const [React, ink] = (await withoutCiVariables(() =>
    Promise.all([importModule('react'), importModule('ink')]),
  )) as [typeof ReactModule, typeof InkModule];
  return { React, ink };
}

/** The variables ink (through is-in-ci) reads once, when it is first imported. */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/**
 * Runs `load` with CI and CONTINUOUS_INTEGRATION out of the environment, then puts them back.
 * With either set, ink draws nothing until the screen unmounts, so a quiz or picker shows a
 * blank terminal while it waits for keys. pixel has already decided that the session is
 * interactive (it mounts ink only when stdin and stdout are terminals), and that decision is
 * the one to keep; a CI pipeline pipes its output and never gets here. The variables are
 * restored at once, so what pixel runs afterwards (a judge, a pager) still sees them.
 */
async function withoutCiVariables<T>(load: () => Promise<T>): Promise<T> {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  try {
    return await load();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

/**
 * The terminal's size, with the sizes a terminal that reports none (0 × 0, as some
 * pseudo-terminals do) is taken to have: 80 × 24.
 */
export function terminalSize(stdout: { columns?: number; rows?: number }): {
  columns: number;
  rows: number;
} {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/**
 * The terminal's size as React state, following resizes, for screens that lay themselves out
 * to it (a hook: call it from a component's body).
 */
export function useTerminalSize({ React, ink }: Awaited<ReturnType<typeof loadInk>>): {
  columns: number;
  rows: number;
} {
  const { stdout } = ink.useStdout();
  const [size, setSize] = React.useState(() => terminalSize(stdout));
  React.useEffect(() => {
    const onResize = () => setSize(terminalSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/** A screen a controller drives: it draws the state it is handed and reports the keys' actions. */
export interface ControlledScreen<State, Action> {
  draw(state: State): void;
  onAction(listener: (action: Action) => void): void;
  close(): void;
  /** Settles once the screen has unmounted (q, Ctrl-C through the keymap, or close()). */
  closed: Promise<void>;
}

export interface ControlledScreenProps<State, Action> {
  /** The state to draw. */
  state: State;
  emit: (action: Action) => void;
  /**
   * The state the controller last handed over, which may be newer than `state`: a key whose
   * meaning depends on the state (typing after `/` opened a filter) must read this one. Keys
   * can arrive before React has drawn the previous key's state, and reading `state` then
   * handled them in the old mode (a fast typist's filter text was lost).
   */
  latest: () => State;
}

/**
 * Mounts `Screen` with the first state and wires it to a controller: draw() re-renders with a
 * new state, and what the screen emits reaches the listener set by onAction().
 */
export function mountControlledScreen<State, Action>(
  { React, ink }: Awaited<ReturnType<typeof loadInk>>,
  Screen: (props: ControlledScreenProps<State, Action>) => ReactModule.ReactNode,
  initial: State,
): ControlledScreen<State, Action> {
  let listener: (action: Action) => void = () => undefined;
  let latestState = initial;
  const emit = (action: Action) => listener(action);
  const latest = () => latestState;
  const element = (state: State) => React.createElement(Screen, { state, emit, latest });
  const instance = ink.render(element(initial), {
    // Ctrl-C arrives as a key in raw mode; each screen's keymap turns it into quit, which
    // unmounts, so the terminal is put back by ink.
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const closed = instance.waitUntilExit().then(
    () => undefined,
    () => undefined,
  );
  return {
    draw: (state) => {
      latestState = state;
      instance.rerender(element(state));
    },
    onAction: (next) => {
      listener = next;
    },
    close: () => instance.unmount(),
    closed,
  };
}
