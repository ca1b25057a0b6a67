import type { Parameter, Visualisation } from '../../judge/core/problem-schema.js';

/** What the words after `pixel viz <problem>` asked for. */
export interface VizSettings {
  /** Parameter values set by the visualisation's own options (`--lr 0.05`). */
  values: Record<string, number>;
  /** `--data FILE`. */
  dataFile?: string;
  json: boolean;
}

/** Options every visualisation takes, besides the ones its problem declares. */
const COMMON_FLAGS = ['data', 'json'] as const;

/** `--flag value` and `--flag=value` pairs, as a visualisation's options are written. */
function splitWords(words: readonly string[]): Array<{ flag: string; value?: string } | string> {
  const out: Array<{ flag: string; value?: string } | string> = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (!word.startsWith('--')) {
      out.push(word);
      continue;
    }
    const [flag, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined || flag === 'json')
      out.push({ flag, ...(inline === undefined ? {} : { value: inline }) });
    else {
      const next = words[index + 1];
      const value = next !== undefined && !next.startsWith('--') ? next : undefined;
      if (value !== undefined) index++;
      out.push({ flag, ...(value === undefined ? {} : { value }) });
    }
  }
  return out;
}

/** Every flag the visualisation understands, as `--flag`. */
export function vizFlags(visualisation: Visualisation): string[] {
  return [...visualisation.options.map((option) => option.flag), ...COMMON_FLAGS].map(
    (flag) => `--${flag}`,
  );
}

/**
 * Reads the words after the problem into settings, or every problem with them. Values are
 * numbers here; their bounds are checked with the rest of the input (custom-input.ts).
 */
export function parseVizWords(
  words: readonly string[],
  visualisation: Visualisation,
  parameters: readonly Parameter[],
): { ok: true; settings: VizSettings } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const settings: VizSettings = { values: {}, json: false };
  const known = vizFlags(visualisation).join(', ');
  for (const item of splitWords(words)) {
    if (typeof item === 'string') {
      problems.push(`unexpected "${item.slice(0, 40)}" (the options are ${known})`);
      continue;
    }
    const { flag, value } = item;
    if (flag === 'json') {
      settings.json = true;
      continue;
    }
    if (value === undefined || value === '') {
      problems.push(`--${flag} needs a value`);
      continue;
    }
    if (flag === 'data') {
      settings.dataFile = value;
      continue;
    }
    const option = visualisation.options.find((candidate) => candidate.flag === flag);
    if (!option) {
      problems.push(`unknown option --${flag.slice(0, 40)} (the options are ${known})`);
      continue;
    }
    const number = Number(value);
    const parameter = parameters.find((candidate) => candidate.name === option.parameter);
    if (!Number.isFinite(number) || value.trim() === '') {
      problems.push(`--${flag} must be a number, not "${value.slice(0, 40)}"`);
    } else if (parameter?.type === 'integer' && !Number.isInteger(number)) {
      problems.push(`--${flag} must be a whole number, not ${value}`);
    } else {
      settings.values[option.parameter] = number;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}
