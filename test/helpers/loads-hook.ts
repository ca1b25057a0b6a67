import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a node process loaded: files through its loader, and its own internal modules. */
export interface Loads {
  /** Absolute paths, from require.cache. */
  files: string[];
  /** process.moduleLoadList: `NativeModule fs`, `Internal Binding fs`, ... */
  internal: string[];
}

/**
 * Writes a CommonJS hook into `dir` for `node --require <hook>`: at exit it saves the Loads of
 * the process as JSON to the file named by $LOADS_OUT. CommonJS on purpose: an `--import` hook
 * would start node's ES module loader, which loads fs/promises itself.
 */
export async function writeLoadsHook(dir: string): Promise<string> {
  const hook = join(dir, 'record-loads.cjs');
  await writeFile(
    hook,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADS_OUT, " +
      'JSON.stringify({ files: Object.keys(require.cache), internal: process.moduleLoadList })));\n',
  );
  return hook;
}
