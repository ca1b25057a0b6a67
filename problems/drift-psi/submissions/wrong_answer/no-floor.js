// No floor: an empty bin makes Math.log(0) = -Infinity or 0/0 = NaN, so the PSI is not finite.
export function driftPsi(reference, live, edges) {
  const shares = (values) => {
    const counts = new Array(edges.length + 1).fill(0);
    for (const x of values) counts[edges.filter((e) => e <= x).length]++;
    return counts.map((c) => c / values.length);
  };
  const e = shares(reference);
  const a = shares(live);
  let psi = 0;
  for (let k = 0; k < e.length; k++) psi += (a[k] - e[k]) * Math.log(a[k] / e[k]);
  const sa = [...reference].sort((p, q) => p - q);
  const sb = [...live].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < sa.length && j < sb.length) {
    const x = Math.min(sa[i], sb[j]);
    while (i < sa.length && sa[i] <= x) i++;
    while (j < sb.length && sb[j] <= x) j++;
    d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
  }
  return { psi, ks: d };
}
