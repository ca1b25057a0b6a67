/** Shared set-up for end-to-end feed tests: a temp PIXEL_HOME and a sources file. */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeTempDir, runPixel, type PixelRun } from '../../helpers/run-pixel.js';
import type { itemToJson } from '../../../src/feed/ui/feed-format.js';

export const REAL = resolve(import.meta.dirname, '..', '..', 'fixtures', 'feeds', 'real');

export function realFeed(name: string): string {
  return readFileSync(join(REAL, name), 'utf8');
}

export interface TestSource {
  id: string;
  url: string;
  name?: string;
  tags?: string[];
  timeoutSeconds?: number;
  enabled?: boolean;
}

export interface FeedEnv {
  home: string;
  sourcesFile: string;
  run(args: string[], env?: Record<string, string>): Promise<PixelRun>;
  cleanup(): Promise<void>;
}

export async function makeFeedEnv(sources: TestSource[]): Promise<FeedEnv> {
  const { dir, cleanup } = await makeTempDir('pixel-feed-');
  const sourcesFile = join(dir, 'sources.json');
  await writeFile(
    sourcesFile,
    JSON.stringify({
      version: 1,
      sources: sources.map((source) => ({ name: source.id, tags: ['test'], ...source })),
    }),
  );
  const home = join(dir, 'home');
  return {
    home,
    sourcesFile,
    run: (args, env = {}) =>
      runPixel(args, {
        env: { PIXEL_HOME: home, PIXEL_FEED_SOURCES: sourcesFile, ...env },
        timeoutMs: 60_000,
      }),
    cleanup,
  };
}

/** One post of `pixel feed --json`: the documented shape is itemToJson's. */
export type JsonItem = ReturnType<typeof itemToJson>;

export function parseJsonItems(stdout: string): JsonItem[] {
  return JSON.parse(stdout) as JsonItem[];
}

/** The default sources issue 4 asks for by name. */
export const LABS_THE_ISSUE_NAMES = [
  'openai',
  'deepmind',
  'google-research',
  'google-ai',
  'anthropic',
  'huggingface',
  'meta-ai',
  'microsoft-research',
  'bair',
  'apple-ml',
  'nvidia',
  'aws-ml',
  'stanford-ai-lab',
] as const;
