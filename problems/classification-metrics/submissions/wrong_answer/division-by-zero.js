// No guard on any denominator: 0 / 0 is NaN in JavaScript, so a model that predicts no
// positive gets precision NaN instead of 0.
export function classificationMetrics(actual, predicted) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  actual.forEach((truth, i) => {
    if (truth === 1 && predicted[i] === 1) tp++;
    else if (truth === 0 && predicted[i] === 1) fp++;
    else if (truth === 1) fn++;
    else tn++;
  });
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  return { accuracy: (tp + tn) / actual.length, precision, recall, f1 };
}
