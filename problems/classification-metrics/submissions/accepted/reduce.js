// One reduce over the pairs; the counts live in an object keyed by "actual,predicted".
export function classificationMetrics(actual, predicted) {
  const cells = actual.reduce(
    (counts, truth, i) => {
      counts[`${truth},${predicted[i]}`] += 1;
      return counts;
    },
    { '1,1': 0, '0,1': 0, '1,0': 0, '0,0': 0 },
  );
  const tp = cells['1,1'];
  const fp = cells['0,1'];
  const fn = cells['1,0'];
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { accuracy: (tp + cells['0,0']) / actual.length, precision, recall, f1 };
}
