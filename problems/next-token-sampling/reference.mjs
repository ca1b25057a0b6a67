// Trusted reference for next-token-sampling, run inside the judge process: expected values come
// from here at judge time (the package holds no answer table). `mistakes` models each classic bug
// as variant implementations, so a wrong answer can be explained. Plain JavaScript on purpose: the
// judge imports it at run time from the problem folder, without a build step.

/** softmax(z / T), shifted by the largest scaled logit so that no exponential overflows. */
function softmax(logits, temperature, options) {
  const scaled = logits.map((z) =>
    options.temperatureMultiplies ? z * temperature : z / temperature,
  );
  // A loop, not Math.max(...scaled): a vocabulary of 100 000 is too many arguments for a call.
  let shift = 0;
  if (!options.noMaxShift) shift = scaled.reduce((max, s) => (s > max ? s : max), -Infinity);
  const exponentials = scaled.map((s) => Math.exp(s - shift));
  const total = exponentials.reduce((sum, e) => sum + e, 0);
  return exponentials.map((e) => e / total);
}

/** Token indices from most to least likely; equal probabilities keep the smaller index first. */
function ranking(probabilities, options) {
  const order = probabilities.map((_, index) => index);
  // The mistake: an ascending sort reversed, which puts the larger index first among equals.
  if (options.tiesByLargerIndex)
    return order.sort((a, b) => probabilities[a] - probabilities[b] || a - b).reverse();
  return order.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
}

/** How many of the ranked tokens top-p keeps: the shortest prefix whose mass reaches p. */
function nucleusSize(mass, ranked, topP, options) {
  if (topP >= 1) return ranked.length;
  let cumulative = 0;
  for (let r = 0; r < ranked.length; r++) {
    const next = cumulative + mass[ranked[r]];
    if (options.dropCrossing === 'strict' && next >= topP) return r;
    if (options.dropCrossing === 'inclusive' && next > topP) return r;
    cumulative = next;
    const reached = options.needMoreThanP ? cumulative > topP : cumulative >= topP;
    if (reached) return r + 1;
  }
  return ranked.length;
}

/**
 * Temperature, softmax, top-k, top-p, one renormalisation: the filtered distribution as a list
 * as long as the vocabulary. Every convention is an option, so the reference and each mistake
 * share one pipeline and differ only where the mistake differs.
 */
function sample(input, options = {}) {
  const { logits, temperature, topK, topP } = input;
  const vocabulary = logits.length;
  // Two mistakes take the softmax at temperature 1: filtering before the temperature (the kept
  // tokens get softmax(z/T) afterwards), and dividing the probabilities by T after the softmax.
  const atOne = options.filtersBeforeTemperature || options.temperatureAfterSoftmax;
  const probabilities = softmax(logits, atOne ? 1 : temperature, options);
  const mass = options.temperatureAfterSoftmax
    ? probabilities.map((p) => p / temperature)
    : probabilities;
  const ranked = ranking(mass, options);
  const kSize = topK > 0 || options.kZeroKeepsNothing ? Math.min(topK, vocabulary) : vocabulary;
  const afterK = ranked.slice(0, kSize);
  // Renormalising between the filters measures top-p on the top-k tokens' own distribution.
  let nucleusMass = mass;
  if (options.renormaliseBetweenFilters) {
    const keptTotal = afterK.reduce((sum, index) => sum + mass[index], 0);
    nucleusMass = mass.map((p) => p / keptTotal);
  }
  const size = nucleusSize(nucleusMass, afterK, topP, options);
  const kept = afterK.slice(0, size);
  const final = options.filtersBeforeTemperature ? softmax(logits, temperature, options) : mass;
  const total = options.noRenormalisation ? 1 : kept.reduce((sum, index) => sum + final[index], 0);
  const result = new Array(vocabulary).fill(0);
  for (const index of kept) result[index] = final[index] / total;
  return result;
}

/** The reference: the filtered, renormalised distribution. */
export function solve(input) {
  return sample(input);
}

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-placeholder': [(input) => new Array(input.logits.length).fill(1 / input.logits.length)],
  'no-max-subtraction': [(input) => sample(input, { noMaxShift: true })],
  'top-k-zero-keeps-nothing': [
    (input) => sample(input, { kZeroKeepsNothing: true }),
    (input) => (input.topK === 0 ? new Array(input.logits.length).fill(NaN) : solve(input)),
  ],
  'top-p-drops-crossing-token': [
    (input) => sample(input, { dropCrossing: 'strict' }),
    (input) => sample(input, { dropCrossing: 'inclusive' }),
  ],
  'top-p-needs-more-than-p': [(input) => sample(input, { needMoreThanP: true })],
  'ties-by-larger-index': [(input) => sample(input, { tiesByLargerIndex: true })],
  'temperature-after-softmax': [
    (input) => sample(input, { temperatureAfterSoftmax: true }),
    (input) => sample({ ...input, temperature: 1 }),
  ],
  'temperature-multiplies': [(input) => sample(input, { temperatureMultiplies: true })],
  'filters-before-temperature': [(input) => sample(input, { filtersBeforeTemperature: true })],
  'renormalised-between-filters': [(input) => sample(input, { renormaliseBetweenFilters: true })],
  'not-renormalised': [(input) => sample(input, { noRenormalisation: true })],
};
