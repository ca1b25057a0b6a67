import type { Language } from './problem-schema.js';

/**
 * The reference solutions a problem ships in problems/<id>/solutions/ (problems/README.md):
 * the plain loop in every language, and a vectorised form in the languages that have one.
 * `pixel solution` shows them after acceptance, and the speed line times them.
 */
export const SOLUTION_FILES = ['plain', 'vectorised'] as const;
export type SolutionForm = (typeof SOLUTION_FILES)[number];

const EXTENSIONS: Record<Language, string> = { python: 'py', javascript: 'js', typescript: 'ts' };

/** `plain.py`, `vectorised.js`; undefined for a form a language does not have (vectorised TypeScript). */
export function solutionFileName(form: SolutionForm, language: Language): string | undefined {
  if (form === 'vectorised' && language === 'typescript') return undefined;
  return `${form}.${EXTENSIONS[language]}`;
}
