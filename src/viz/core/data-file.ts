/**
 * `pixel viz --data FILE`: a table of numbers, one row per line and one column per data
 * parameter, separated by commas, tabs or spaces (CSV or whitespace); a first line of words is
 * a header, `#` starts a comment. A JSON object with the parameters' names works too.
 */
export function parseDataColumns(
  text: string,
  names: readonly string[],
): { ok: true; columns: Record<string, unknown> } | { ok: false; problem: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { ok: false, problem: 'the JSON must be an object' };
      const record = parsed as Record<string, unknown>;
      const columns: Record<string, unknown> = {};
      for (const name of names) {
        if (record[name] === undefined) return { ok: false, problem: `the JSON has no "${name}"` };
        columns[name] = record[name];
      }
      return { ok: true, columns };
    } catch (error) {
      return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
    }
  }
  const columns: number[][] = names.map(() => []);
  const lines = text.split(/\r?\n/);
  let seenRow = false;
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const cells = line.split(/\s*[,;\t ]\s*/).filter((cell) => cell !== '');
    const numbers = cells.map(Number);
    if (!seenRow && numbers.some((value) => Number.isNaN(value))) {
      seenRow = true; // a header line
      continue;
    }
    seenRow = true;
    if (cells.length !== names.length)
      return {
        ok: false,
        problem: `line ${index + 1} has ${cells.length} value${cells.length === 1 ? '' : 's'}; each line needs ${names.length} (${names.join(', ')})`,
      };
    if (numbers.some((value) => !Number.isFinite(value)))
      return { ok: false, problem: `line ${index + 1} holds something that is not a number` };
    numbers.forEach((value, column) => columns[column]?.push(value));
  }
  if ((columns[0]?.length ?? 0) === 0) return { ok: false, problem: 'it holds no rows of numbers' };
  return { ok: true, columns: Object.fromEntries(names.map((name, i) => [name, columns[i]])) };
}
