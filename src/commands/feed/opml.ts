/** `pixel feed import <file.opml>` and `pixel feed export` (OPML 2.0 on stdout). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { safeLink } from '../../core/feed/normalize.js';
import { emitOpml, parseOpml } from '../../core/feed/opml.js';
import { makeSourceId, type FeedSource } from '../../core/feed/source.js';
import { loadSources, updateUserConfig } from '../../io/feed/source-store.js';

export const feedImportOptionsSchema = z.object({ file: z.string() });
export type FeedImportOptions = z.infer<typeof feedImportOptionsSchema>;

export const feedExportOptionsSchema = z.object({ all: z.optional(z.boolean()) });
export type FeedExportOptions = z.infer<typeof feedExportOptionsSchema>;

export interface ImportResult {
  added: FeedSource[];
  skipped: { url: string; reason: string }[];
}

export async function feedImport(
  options: FeedImportOptions,
  context: Context,
): Promise<ImportResult> {
  const path = resolve(context.cwd, options.file);
  let text: string;
  try {
    text = options.file === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let feeds;
  try {
    feeds = parseOpml(text);
  } catch (error) {
    throw new UsageError(`${path} is ${(error as Error).message}`, {
      hint: 'export OPML from your feed reader (usually under Settings → Export)',
    });
  }
  const existing = await loadSources(context);
  const urls = new Set(existing.map((source) => source.url));
  const taken = new Set(existing.map((source) => source.id));
  const result: ImportResult = { added: [], skipped: [] };
  for (const feed of feeds) {
    const url = safeLink(feed.xmlUrl, undefined);
    if (!url) {
      result.skipped.push({ url: feed.xmlUrl, reason: 'not an http(s) URL' });
      continue;
    }
    if (urls.has(url)) {
      result.skipped.push({ url, reason: 'already listed' });
      continue;
    }
    const id = makeSourceId(feed.title || url, taken);
    taken.add(id);
    urls.add(url);
    const home = feed.htmlUrl ? safeLink(feed.htmlUrl, undefined) : null;
    result.added.push({
      id,
      name: feed.title.slice(0, 80) || url,
      url,
      ...(home ? { home } : {}),
      tags: feed.tags,
      provenance: 'official',
      enabled: true,
    });
  }
  if (result.added.length > 0) {
    await updateUserConfig(context, (config) => {
      config.added.push(...result.added);
    });
  }
  context.stdout.write(
    `imported ${result.added.length} feed${result.added.length === 1 ? '' : 's'}` +
      (result.skipped.length > 0 ? `, skipped ${result.skipped.length}` : '') +
      '\n',
  );
  for (const source of result.added) context.stdout.write(`  + ${source.id}  ${source.url}\n`);
  for (const skipped of result.skipped) {
    context.stdout.write(`  - ${skipped.url} (${skipped.reason})\n`);
  }
  return result;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
