// `x <= edge` closes each bin on the right: a value equal to an edge falls into the bin below.
export function driftPsi(reference: number[], live: number[], edges: number[]) {
  const shares = (values: number[]) => {
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (const x of values) {
      let bin = edges.findIndex((edge) => x <= edge);
      if (bin < 0) bin = edges.length;
      counts[bin] = (counts[bin] as number) + 1;
    }
    return counts.map((c) => Math.max(c / values.length, 1e-4));
  };
  const e = shares(reference);
  const a = shares(live);
  const psi = e.reduce((sum, ei, k) => sum + ((a[k] as number) - ei) * Math.log((a[k] as number) / ei), 0);
  const sa = [...reference].sort((p, q) => p - q);
  const sb = [...live].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < sa.length && j < sb.length) {
    const x = Math.min(sa[i] as number, sb[j] as number);
    while (i < sa.length && (sa[i] as number) <= x) i++;
    while (j < sb.length && (sb[j] as number) <= x) j++;
    d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
  }
  return { psi, ks: d };
}
