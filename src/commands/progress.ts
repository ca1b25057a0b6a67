import * as z from 'zod/mini';
import type { Context } from '../context.js';
import { loadProgress } from '../io/progress-store.js';

export const progressOptionsSchema = z.object({ json: z.optional(z.boolean()) });
export type ProgressOptions = z.infer<typeof progressOptionsSchema>;

/** Placeholder until the learn work lands: prints the raw progress. */
export async function progress(options: ProgressOptions, context: Context) {
  const data = await loadProgress(context.paths, context.warn);
  context.stdout.write(`${JSON.stringify(data, null, options.json ? 2 : 2)}\n`);
  return data;
}
