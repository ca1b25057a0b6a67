import { watch, watchFile, unwatchFile } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatcher {
  close(): void;
}

/**
 * Calls `onChange` once per burst of changes to `file`. The folder is watched rather than the
 * file, because editors often save by writing a new file and renaming it over the old one, which
 * ends a watch on the file itself. `poll` uses stat polling instead, for network and WSL mounts
 * where change events never arrive.
 */
export function watchForChanges(
  file: string,
  onChange: () => void,
  options: { poll?: boolean; debounceMs?: number } = {},
): FileWatcher {
  const debounceMs = options.debounceMs ?? 120;
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  if (options.poll) {
    watchFile(file, { interval: 300 }, (current, previous) => {
      if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) changed();
    });
    return {
      close: () => {
        if (timer) clearTimeout(timer);
        unwatchFile(file);
      },
    };
  }
  const name = basename(file);
  const watcher = watch(dirname(file), (_event, changedName) => {
    if (changedName === null || changedName.toString() === name) changed();
  });
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
