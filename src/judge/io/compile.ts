import { basename, dirname, join, resolve, sep } from 'node:path';
import { realpathSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/**
 * The "compile" step for TypeScript: esbuild (already a dependency, loaded only here, and only
 * before any learner code runs) strips the types and bundles the solution with the relative
 * modules it imports, so a helper file beside it works as it does when run by hand. Type errors
 * are not judged; a syntax error is a compile error with its line and column. Packages and
 * Node's built-in modules stay imports.
 */
export type CompileResult = { ok: true; code: string } | { ok: false; message: string };

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The bundle's name in the sandbox; the source map points back at the learner's files. */
export const BUNDLE_NAME = 'pixel-solution.mjs';

interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/**
 * Bundling runs outside the sandbox, so it may read only what the sandbox would show: files in
 * the learner's own folder. An import of anything else (pixel's package, with its references and
 * cases, or a file elsewhere on the machine) is refused like a syntax error.
 */
function staysInside(root: string): Plugin {
  const realRoot = realpathOr(root);
  const inside = (path: string, folder: string) =>
    path === folder || path.startsWith(`${folder}${sep}`);
  return {
    name: 'stay-inside-the-workspace',
    setup(build) {
      // What is actually read, symlinks followed: a link in the folder to a file outside is outside.
      build.onLoad({ filter: /.*/ }, (args) =>
        inside(realpathOr(args.path), realRoot)
          ? undefined
          : {
              errors: [
                {
                  text: `imports must stay inside your solution's folder (${basename(args.path)} is a link out of it)`,
                },
              ],
            },
      );
      build.onResolve({ filter: /^(\.|\/|[A-Za-z]:)/ }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (inside(target, root)) return undefined;
        return {
          errors: [{ text: `imports must stay inside your solution's folder (${args.path})` }],
        };
      });
    },
  };
}

export async function bundleTypeScript(
  entry: string,
  root = dirname(entry),
): Promise<CompileResult> {
  const esbuild = await import('esbuild');
  const folder = dirname(entry);
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: folder,
      // Sources in the map are relative to this name, so /work/<file>.ts in the sandbox.
      outfile: join(folder, BUNDLE_NAME),
      write: false,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
      plugins: [staysInside(root)],
    });
    const output = result.outputFiles?.[0];
    if (!output) return { ok: false, message: 'esbuild produced no output' };
    return { ok: true, code: output.text };
  } catch (error) {
    const errors = (error as { errors?: EsbuildMessage[] }).errors ?? [];
    const first = errors[0];
    if (!first) return { ok: false, message: String((error as Error).message ?? error) };
    const where = first.location
      ? ` (${basename(first.location.file)}:${first.location.line}:${first.location.column + 1})`
      : '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { ok: false, message: `SyntaxError: ${first.text}${where}${more}` };
  }
}
