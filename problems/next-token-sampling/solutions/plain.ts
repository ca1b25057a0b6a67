/**
 * The distribution a decoder samples the next token from: temperature, softmax, top-k, top-p,
 * one renormalisation.
 *
 * @param logits one logit per token
 * @param temperature T > 0
 * @param topK keep the k most likely tokens (0: off)
 * @param topP keep the smallest most-likely set whose probability reaches p (1: off)
 * @returns one probability per token, 0 for every filtered token
 */
export function nextTokenDistribution(
  logits: number[],
  temperature: number,
  topK: number,
  topP: number,
): number[] {
  const vocabulary = logits.length;
  // 1-2. Temperature, then a softmax shifted by the largest scaled logit (no overflow).
  const scaled = logits.map((z) => z / temperature);
  let largest = -Infinity;
  for (const s of scaled) if (s > largest) largest = s;
  const exponentials = scaled.map((s) => Math.exp(s - largest));
  let total = 0;
  for (const e of exponentials) total += e;
  const probabilities = exponentials.map((e) => e / total);
  // 3. One ranking for both filters: most likely first, ties by smaller index.
  let ranking = probabilities.map((_, i) => i);
  ranking.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  // 4. Top-k (0 means off).
  if (topK > 0 && topK < vocabulary) ranking = ranking.slice(0, topK);
  // 5. Top-p on the softmax probabilities: keep tokens until the sum reaches p (1 means off).
  let kept = ranking;
  if (topP < 1) {
    kept = [];
    let running = 0;
    for (const i of ranking) {
      kept.push(i);
      running += probabilities[i];
      if (running >= topP) break;
    }
  }
  // 6. Renormalise once, over the tokens that survived both filters.
  let keptTotal = 0;
  for (const i of kept) keptTotal += probabilities[i];
  const result: number[] = new Array<number>(vocabulary).fill(0);
  for (const i of kept) result[i] = probabilities[i] / keptTotal;
  return result;
}
