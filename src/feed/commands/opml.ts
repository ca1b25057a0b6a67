/** `pixel feed import <file.opml>` and `pixel feed export` (OPML 2.0 on stdout). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { planImport, type ImportPlan } from '../core/import-plan.js';
import { emitOpml, parseOpml } from '../core/opml.js';
import { resolveSources } from '../core/source.js';
import { quoted } from '../../shared/core/sanitize.js';
import { loadSources, updateUserConfig } from '../io/source-store.js';

/** More than this many new feeds at once is more likely a mistake than a reading list. */
export const DEFAULT_IMPORT_CAP = 200;
/** Lines of detail printed per list unless --verbose. */
const SHOWN_LINES = 10;

export const feedImportOptionsSchema = z.object({
  file: z.string(),
  max: z.optional(z.string()),
  verbose: z.optional(z.boolean()),
});
export type FeedImportOptions = z.infer<typeof feedImportOptionsSchema>;

export const feedExportOptionsSchema = z.object({ all: z.optional(z.boolean()) });
export type FeedExportOptions = z.infer<typeof feedExportOptionsSchema>;

function parseCap(text: string | undefined): number {
  if (text === undefined) return DEFAULT_IMPORT_CAP;
  const cap = Number(text);
  if (!Number.isInteger(cap) || cap < 1) {
    throw new UsageError(`--max must be a whole number of at least 1 (got ${quoted(text)})`);
  }
  return cap;
}

function listSome<T>(
  context: Context,
  entries: readonly T[],
  line: (entry: T) => string,
  verbose: boolean,
): void {
  const shown = verbose ? entries : entries.slice(0, SHOWN_LINES);
  for (const entry of shown) context.stdout.write(`${line(entry)}\n`);
  if (shown.length < entries.length) {
    context.stdout.write(`  … and ${entries.length - shown.length} more (--verbose lists all)\n`);
  }
}

export async function feedImport(
  options: FeedImportOptions,
  context: Context,
): Promise<ImportPlan> {
  const cap = parseCap(options.max);
  const path = options.file === '-' ? 'standard input' : resolve(context.cwd, options.file);
  let text: string;
  try {
    text = options.file === '-' ? await context.readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read ${quoted(path)} (${code})`);
  }
  let feeds;
  try {
    feeds = parseOpml(text);
  } catch (error) {
    throw new UsageError(`${quoted(path)} is ${(error as Error).message}`, {
      hint: 'export OPML from your feed reader (usually under Settings → Export)',
    });
  }
  // A first plan against the current list, to refuse an oversized import before locking.
  const preview = planImport(feeds, await loadSources(context));
  if (preview.added.length > cap) {
    throw new UsageError(
      `${quoted(path)} lists ${preview.added.length} new feeds; pixel imports at most ${cap} at once`,
      {
        hint: `pass --max ${preview.added.length} to import them all (every one is fetched on each refresh)`,
      },
    );
  }
  const plan = await updateUserConfig(context, (config, base) => {
    const fresh = planImport(feeds, resolveSources(base, config));
    config.added.push(...fresh.added);
    return fresh;
  });
  const verbose = Boolean(options.verbose);
  context.stdout.write(
    `imported ${plan.added.length} feed${plan.added.length === 1 ? '' : 's'}` +
      (plan.skipped.length > 0 ? `, skipped ${plan.skipped.length}` : '') +
      '\n',
  );
  listSome(context, plan.added, (source) => `  + ${source.id}  ${source.url}`, verbose);
  listSome(context, plan.skipped, (skipped) => `  - ${skipped.url} (${skipped.reason})`, verbose);
  return plan;
}

export async function feedExport(options: FeedExportOptions, context: Context): Promise<string> {
  const sources = (await loadSources(context)).filter((source) => options.all || source.enabled);
  const opml = emitOpml(
    sources.map((source) => ({
      title: source.name,
      xmlUrl: source.url,
      ...(source.home ? { htmlUrl: source.home } : {}),
      tags: source.tags,
    })),
    { title: 'pixel feed sources', created: context.now() },
  );
  context.stdout.write(opml);
  return opml;
}
