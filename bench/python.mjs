// The interpreter the judge would resolve (PIXEL_PYTHON, else python3 on PATH), asked once, by
// its real path: a pyenv or asdf shim costs its own start-up on every run.
import { spawnSync } from 'node:child_process';

export function resolvedPython(bench) {
  const python = spawnSync(
    process.env.PIXEL_PYTHON || 'python3',
    ['-c', 'import sys; print(sys.executable)'],
    { encoding: 'utf8' },
  ).stdout?.trim();
  if (!python) throw new Error(`${bench}: python3 not found`);
  return python;
}
