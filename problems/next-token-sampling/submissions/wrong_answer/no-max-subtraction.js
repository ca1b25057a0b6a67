export function nextTokenDistribution(logits, temperature, topK, topP) {
  const exps = logits.map((z) => Math.exp(z / temperature)); // overflows near 1000
  const total = exps.reduce((a, b) => a + b, 0);
  const p = exps.map((e) => e / total);
  let order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  if (topK > 0) order = order.slice(0, topK);
  const kept = [];
  let sum = 0;
  for (const i of order) {
    kept.push(i);
    sum += p[i];
    if (topP < 1 && sum >= topP) break;
  }
  const keptSum = kept.reduce((s, i) => s + p[i], 0);
  const out = new Array(logits.length).fill(0);
  for (const i of kept) out[i] = p[i] / keptSum;
  return out;
}
