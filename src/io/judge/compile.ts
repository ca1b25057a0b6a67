/**
 * The "compile" step for JavaScript and TypeScript: esbuild (already a dependency, loaded only
 * here) checks the syntax and strips TypeScript types. Type errors are not judged; a syntax error
 * is a compile error with its line and column.
 */
export type CompileResult = { ok: true; code: string } | { ok: false; message: string };

interface EsbuildMessage {
  text: string;
  location?: { line: number; column: number } | null;
}

export async function compileModule(
  source: string,
  language: 'javascript' | 'typescript',
  filename: string,
): Promise<CompileResult> {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.transform(source, {
      loader: language === 'typescript' ? 'ts' : 'js',
      format: 'esm',
      target: 'node20',
      sourcemap: language === 'typescript' ? 'inline' : false,
      sourcefile: filename,
      logLevel: 'silent',
    });
    // JavaScript runs as written (esbuild only checked it); TypeScript runs as transpiled.
    return { ok: true, code: language === 'typescript' ? result.code : source };
  } catch (error) {
    const errors = (error as { errors?: EsbuildMessage[] }).errors ?? [];
    const first = errors[0];
    if (!first) return { ok: false, message: String((error as Error).message ?? error) };
    const where = first.location
      ? ` (${filename}:${first.location.line}:${first.location.column + 1})`
      : '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { ok: false, message: `SyntaxError: ${first.text}${where}${more}` };
  }
}
