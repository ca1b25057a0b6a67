const softmax = (values) => {
  const top = values.reduce((a, b) => Math.max(a, b), -Infinity);
  const exps = values.map((v) => Math.exp(v - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
};

export function nextTokenDistribution(logits, temperature, topK, topP) {
  const p = softmax(logits.map((z) => z / temperature));
  const ranked = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  const afterK = topK > 0 ? ranked.slice(0, topK) : ranked;
  // The nucleus ends at the first position whose running sum reaches p.
  let running = 0;
  const end = afterK.findIndex((i) => (running += p[i]) >= topP);
  const kept = new Set(topP < 1 && end >= 0 ? afterK.slice(0, end + 1) : afterK);
  const mass = [...kept].reduce((sum, i) => sum + p[i], 0);
  return p.map((value, i) => (kept.has(i) ? value / mass : 0));
}
