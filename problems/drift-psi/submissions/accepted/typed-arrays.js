// Float64Arrays sort numerically; the bin is found by binary search over the edges, and the KS
// walk visits each distinct value once.
function upperBound(sorted, x) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function driftPsi(reference, live, edges) {
  const shares = (values) => {
    const counts = new Float64Array(edges.length + 1);
    for (const x of values) counts[upperBound(edges, x)] += 1;
    return counts.map((c) => Math.max(c / values.length, 1e-4));
  };
  const e = shares(reference);
  const a = shares(live);
  let psi = 0;
  for (let k = 0; k < e.length; k++) psi += (a[k] - e[k]) * Math.log(a[k] / e[k]);

  const ref = Float64Array.from(reference).sort();
  const cur = Float64Array.from(live).sort();
  let ks = 0;
  let i = 0;
  let j = 0;
  while (i < ref.length || j < cur.length) {
    const x = Math.min(i < ref.length ? ref[i] : Infinity, j < cur.length ? cur[j] : Infinity);
    i = upperBound(ref, x);
    j = upperBound(cur, x);
    ks = Math.max(ks, Math.abs(i / ref.length - j / cur.length));
  }
  return { psi, ks };
}
