export function classificationMetrics(
  actual: number[],
  predicted: number[],
): { accuracy: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < actual.length; i++) {
    if (predicted[i] === 1) {
      if (actual[i] === 1) tp++;
      else fp++;
    } else if (actual[i] === 1) fn++;
    else tn++;
  }

  // An empty denominator means the metric has nothing to measure: 0 by the exercise's rule.
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return { accuracy: (tp + tn) / actual.length, precision, recall, f1 };
}
