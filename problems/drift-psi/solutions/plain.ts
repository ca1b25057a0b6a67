const FLOOR = 0.0001;

function binShares(values: number[], edges: number[]): number[] {
  const counts: number[] = new Array<number>(edges.length + 1).fill(0);
  for (const x of values) {
    // The bin of x is the number of edges at or below it: a value on an edge goes up.
    let i = 0;
    while (i < edges.length && (edges[i] as number) <= x) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts.map((c) => Math.max(c / values.length, FLOOR));
}

function ksStatistic(reference: number[], live: number[]): number {
  const a = [...reference].sort((p, q) => p - q);
  const b = [...live].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i] as number, b[j] as number);
    // Step over every copy of x in both samples before measuring: ties move together.
    while (i < a.length && (a[i] as number) <= x) i++;
    while (j < b.length && (b[j] as number) <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

export function driftPsi(
  reference: number[],
  live: number[],
  edges: number[],
): { psi: number; ks: number } {
  const expected = binShares(reference, edges);
  const actual = binShares(live, edges);
  let psi = 0;
  expected.forEach((e, k) => {
    const a = actual[k] as number;
    psi += (a - e) * Math.log(a / e);
  });
  return { psi, ks: ksStatistic(reference, live) };
}
