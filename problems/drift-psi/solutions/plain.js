const FLOOR = 0.0001;

function binShares(values, edges) {
  const counts = new Array(edges.length + 1).fill(0);
  for (const x of values) {
    // The bin of x is the number of edges at or below it: a value on an edge goes up.
    let i = 0;
    while (i < edges.length && edges[i] <= x) i++;
    counts[i]++;
  }
  return counts.map((c) => Math.max(c / values.length, FLOOR));
}

function ksStatistic(reference, live) {
  const a = [...reference].sort((p, q) => p - q);
  const b = [...live].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    // Step over every copy of x in both samples before measuring: ties move together.
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

export function driftPsi(reference, live, edges) {
  const expected = binShares(reference, edges);
  const actual = binShares(live, edges);
  let psi = 0;
  for (let k = 0; k < expected.length; k++) {
    psi += (actual[k] - expected[k]) * Math.log(actual[k] / expected[k]);
  }
  return { psi, ks: ksStatistic(reference, live) };
}
