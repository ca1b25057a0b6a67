// Each count by a filter over the indices; F1 from the counts, guarded like the others.
type Metrics = { accuracy: number; precision: number; recall: number; f1: number };

export function classificationMetrics(actual: number[], predicted: number[]): Metrics {
  const count = (truth: number, guess: number) =>
    actual.filter((label, i) => label === truth && predicted[i] === guess).length;
  const [tp, fp, fn, tn] = [count(1, 1), count(0, 1), count(1, 0), count(0, 0)];
  const safe = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    accuracy: (tp + tn) / actual.length,
    precision: safe(tp, tp + fp),
    recall: safe(tp, tp + fn),
    f1: safe(2 * tp, 2 * tp + fp + fn),
  };
}
