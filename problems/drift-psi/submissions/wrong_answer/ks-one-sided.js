// Keeps the largest F_ref − F_live without the absolute value.
export function driftPsi(reference, live, edges) {
  const shares = (values) => {
    const counts = new Array(edges.length + 1).fill(0);
    for (const x of values) {
      let bin = 0;
      while (bin < edges.length && edges[bin] <= x) bin++;
      counts[bin]++;
    }
    return counts.map((c) => Math.max(c / values.length, 0.0001));
  };
  const e = shares(reference);
  const a = shares(live);
  let psi = 0;
  e.forEach((ei, k) => (psi += (a[k] - ei) * Math.log(a[k] / ei)));
  const sa = [...reference].sort((p, q) => p - q);
  const sb = [...live].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < sa.length && j < sb.length) {
    const x = Math.min(sa[i], sb[j]);
    while (i < sa.length && sa[i] <= x) i++;
    while (j < sb.length && sb[j] <= x) j++;
    d = Math.max(d, i / sa.length - j / sb.length);
  }
  return { psi, ks: d };
}
