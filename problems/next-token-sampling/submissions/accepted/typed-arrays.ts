export function nextTokenDistribution(
  logits: number[],
  temperature: number,
  topK: number,
  topP: number,
): number[] {
  const v = logits.length;
  const p = new Float64Array(v);
  let largest = -Infinity;
  for (let i = 0; i < v; i++) largest = Math.max(largest, logits[i] / temperature);
  let total = 0;
  for (let i = 0; i < v; i++) total += p[i] = Math.exp(logits[i] / temperature - largest);
  for (let i = 0; i < v; i++) p[i] /= total;
  // Indices sorted by probability, largest first, equal ones by smaller index.
  const order = new Uint32Array(v).map((_, i) => i);
  order.sort((a, b) => p[b] - p[a] || a - b);
  let count = topK > 0 ? Math.min(topK, v) : v;
  if (topP < 1) {
    let running = 0;
    for (let r = 0; r < count; r++) {
      running += p[order[r]];
      if (running >= topP) {
        count = r + 1;
        break;
      }
    }
  }
  let mass = 0;
  for (let r = 0; r < count; r++) mass += p[order[r]];
  const out = new Array<number>(v).fill(0);
  for (let r = 0; r < count; r++) out[order[r]] = p[order[r]] / mass;
  return out;
}
