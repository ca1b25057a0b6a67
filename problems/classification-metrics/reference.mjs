// Trusted reference for classification-metrics, run inside the judge process: expected values
// come from here at judge time. `mistakes` models each classic bug as variant implementations, so
// a wrong answer can be explained. Plain JavaScript: the judge imports it without a build step.

/** The four cells of the confusion matrix, label 1 being the positive class. */
function confusion(actual, predicted) {
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
  return { tp, fp, fn, tn };
}

/** part / whole, with the exercise's rule for an empty denominator (0, or `options.empty`). */
const ratio = (part, whole, empty) => (whole === 0 ? empty : part / whole);

/**
 * The metrics with every convention as an option, so the reference and each mistake share one
 * computation and differ only where the mistake differs.
 */
function metrics(input, options = {}) {
  const { tp, fp, fn, tn } = confusion(input.actual, input.predicted);
  // Unguarded divisions model the division by zero: 0/0 is NaN in JavaScript (and numpy).
  const divide = options.unguarded
    ? (part, whole) => part / whole
    : (part, whole) => ratio(part, whole, options.emptyAs ?? 0);
  const precision = divide(tp, tp + fp);
  const recall = divide(tp, tp + fn);
  // F1 = 2·P·R / (P + R) = 2·TP / (2·TP + FP + FN); the count form rounds only once.
  let f1;
  if (options.f1 === 'arithmetic-mean') f1 = (precision + recall) / 2;
  else if (options.f1 === 'harmonic-unguarded')
    f1 = (2 * precision * recall) / (precision + recall);
  else f1 = divide(2 * tp, 2 * tp + fp + fn);
  return { accuracy: (tp + tn) / (tp + fp + fn + tn), precision, recall, f1 };
}

/** The reference: { accuracy, precision, recall, f1 }. */
export function solve(input) {
  return metrics(input);
}

const flip = (labels) => labels.map((label) => 1 - label);

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-placeholder': [() => ({ accuracy: 0, precision: 0, recall: 0, f1: 0 })],
  'division-by-zero': [
    (input) => metrics(input, { unguarded: true, f1: 'harmonic-unguarded' }),
    (input) => metrics(input, { unguarded: true }),
    (input) => metrics(input, { f1: 'harmonic-unguarded' }),
  ],
  'empty-denominator-as-one': [(input) => metrics(input, { emptyAs: 1 })],
  'precision-recall-swapped': [
    (input) => {
      const right = metrics(input);
      return { ...right, precision: right.recall, recall: right.precision };
    },
  ],
  'f1-arithmetic-mean': [(input) => metrics(input, { f1: 'arithmetic-mean' })],
  'negative-class-as-positive': [
    (input) => metrics({ actual: flip(input.actual), predicted: flip(input.predicted) }),
  ],
};
