// The same O((n + m)²) KS in JavaScript: fast per comparison, still about 4·10¹⁰ of them.
export function driftPsi(reference, live, edges) {
  const shares = (values) => {
    const counts = new Array(edges.length + 1).fill(0);
    for (const x of values) counts[edges.filter((e) => e <= x).length]++;
    return counts.map((c) => Math.max(c / values.length, 0.0001));
  };
  const e = shares(reference);
  const a = shares(live);
  let psi = 0;
  e.forEach((ei, k) => (psi += (a[k] - ei) * Math.log(a[k] / ei)));
  const atOrBelow = (values, x) => {
    let count = 0;
    for (const v of values) if (v <= x) count++;
    return count / values.length;
  };
  let d = 0;
  for (const x of [...reference, ...live]) {
    d = Math.max(d, Math.abs(atOrBelow(reference, x) - atOrBelow(live, x)));
  }
  return { psi, ks: d };
}
