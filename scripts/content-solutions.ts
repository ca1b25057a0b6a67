// Build step: problems/<id>/solutions/ → dist/solutions/<id>/<language>.json, the page
// `pixel solution` shows: the plain reference in that language, its vectorised form when there
// is one, and the problem's notes, parsed and highlighted here so no Markdown parser or
// highlight.js loads when a learner opens it. It checks the convention every problem follows:
// plain.py, plain.js, plain.ts and notes.md, optional vectorised.py and vectorised.js.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../src/judge/core/problem-schema.js';
import { SOLUTION_FILES, solutionFileName } from '../src/judge/core/solutions.js';
import { listProblemIds } from '../src/judge/io/problem-store.js';
import { markdownToBlocks } from './lessons/markdown-to-blocks.js';

const FENCE: Record<Language, string> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'typescript',
};

const TITLES = { plain: 'The reference, as a plain loop', vectorised: 'Vectorised' } as const;

/** Every issue of every solutions folder, and the pages to write. */
export function solutionPages(root: string): {
  issues: string[];
  pages: Array<{ problem: string; language: Language; blocks: unknown }>;
} {
  const issues: string[] = [];
  const pages: Array<{ problem: string; language: Language; blocks: unknown }> = [];
  for (const id of listProblemIds(root)) {
    const folder = join(root, 'problems', id, 'solutions');
    if (!existsSync(folder)) continue;
    const where = `problems/${id}/solutions`;
    const present = new Set(readdirSync(folder));
    const allowed = new Set([
      'notes.md',
      ...LANGUAGES.flatMap((language) =>
        SOLUTION_FILES.flatMap((form) => solutionFileName(form, language) ?? []),
      ),
    ]);
    for (const name of present)
      if (!allowed.has(name))
        issues.push(`${where}: unexpected file ${name} (see problems/README.md)`);
    for (const name of ['notes.md', ...LANGUAGES.map((l) => solutionFileName('plain', l))])
      if (name && !present.has(name)) issues.push(`${where}: ${name} is missing`);
    if (!present.has('notes.md')) continue;
    const notes = readFileSync(join(folder, 'notes.md'), 'utf8');
    for (const language of LANGUAGES) {
      const sections = SOLUTION_FILES.flatMap((form) => {
        const name = solutionFileName(form, language);
        if (!name || !present.has(name)) return [];
        const code = readFileSync(join(folder, name), 'utf8').trimEnd();
        return [`## ${TITLES[form]} (${name})\n\n\`\`\`${FENCE[language]}\n${code}\n\`\`\`\n`];
      });
      const converted = markdownToBlocks(`${sections.join('\n')}\n${notes}`);
      for (const issue of converted.issues) issues.push(`${where} (${language}): ${issue}`);
      pages.push({ problem: id, language, blocks: converted.blocks });
    }
  }
  return { issues, pages };
}

export async function run({ root, dist }: { root: string; dist: string }): Promise<void> {
  const { issues, pages } = solutionPages(root);
  if (issues.length > 0) throw new Error(`content-solutions:\n  ${issues.join('\n  ')}`);
  for (const page of pages) {
    const folder = join(dist, 'solutions', page.problem);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${page.language}.json`), JSON.stringify(page.blocks));
  }
}
