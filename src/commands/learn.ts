import * as z from 'zod/mini';
import type { Context } from '../context.js';

export const learnOptionsSchema = z.object({
  topic: z.optional(z.string()),
  json: z.optional(z.boolean()),
  pager: z.optional(z.boolean()),
});
export type LearnOptions = z.infer<typeof learnOptionsSchema>;

export async function learn(_options: LearnOptions, context: Context) {
  context.stdout.write('lessons are coming\n');
}
