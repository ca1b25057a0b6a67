// Returns the four values as an array instead of an object with named keys.
export function classificationMetrics(actual, predicted) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  actual.forEach((truth, i) => {
    if (predicted[i] === 1) truth === 1 ? tp++ : fp++;
    else if (truth === 1) fn++;
  });
  const correct = actual.filter((truth, i) => truth === predicted[i]).length;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return [correct / actual.length, precision, recall, tp ? (2 * tp) / (2 * tp + fp + fn) : 0];
}
