// F1 as the plain average of precision and recall.
export function classificationMetrics(actual: number[], predicted: number[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < actual.length; i++) {
    if (predicted[i] === 1 && actual[i] === 1) tp++;
    if (predicted[i] === 1 && actual[i] === 0) fp++;
    if (predicted[i] === 0 && actual[i] === 1) fn++;
  }
  const correct = actual.filter((label, i) => label === predicted[i]).length;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { accuracy: correct / actual.length, precision, recall, f1: (precision + recall) / 2 };
}
