// The PSI from a Map of bin counts; KS from the two CDFs evaluated at every distinct value,
// found by walking the merged, deduplicated values once.
function binIndex(edges: number[], x: number): number {
  let index = 0;
  for (const edge of edges) if (edge <= x) index++;
  return index;
}

export function driftPsi(reference: number[], live: number[], edges: number[]) {
  const shares = (values: number[]): number[] => {
    const counts = new Map<number, number>();
    for (const x of values) {
      const bin = binIndex(edges, x);
      counts.set(bin, (counts.get(bin) ?? 0) + 1);
    }
    return Array.from({ length: edges.length + 1 }, (_, bin) =>
      Math.max((counts.get(bin) ?? 0) / values.length, 0.0001),
    );
  };
  const e = shares(reference);
  const a = shares(live);
  const psi = e.reduce((sum, ei, k) => sum + ((a[k] as number) - ei) * Math.log((a[k] as number) / ei), 0);

  const ref = [...reference].sort((x, y) => x - y);
  const cur = [...live].sort((x, y) => x - y);
  const points = [...new Set([...ref, ...cur])].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let ks = 0;
  for (const x of points) {
    while (i < ref.length && (ref[i] as number) <= x) i++;
    while (j < cur.length && (cur[j] as number) <= x) j++;
    ks = Math.max(ks, Math.abs(i / ref.length - j / cur.length));
  }
  return { psi, ks };
}
