export function nextTokenDistribution(
  logits: number[],
  temperature: number,
  topK: number,
  topP: number,
): number[] {
  const s = logits.map((z) => z * temperature); // should divide
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / total);
  let order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  if (topK > 0) order = order.slice(0, topK);
  const kept: number[] = [];
  let sum = 0;
  for (const i of order) {
    kept.push(i);
    sum += p[i];
    if (topP < 1 && sum >= topP) break;
  }
  const keptSum = kept.reduce((acc, i) => acc + p[i], 0);
  const out = new Array<number>(logits.length).fill(0);
  for (const i of kept) out[i] = p[i] / keptSum;
  return out;
}
