import * as z from 'zod/mini';
import { LanguageSchema } from './problem-schema.js';

/** `.pixel/workspace.json`: marks a folder made by `pixel solve`; found by walking up. */
export const WorkspaceMarkerSchema = z.object({
  /** Problem id (problems/<id>). */
  problem: z.string(),
  language: LanguageSchema,
  /** The solution file, relative to the workspace folder. */
  solution: z.string(),
  /** The pixel version that wrote the workspace. */
  version: z.string(),
});
export type WorkspaceMarker = z.infer<typeof WorkspaceMarkerSchema>;

export const WORKSPACE_MARKER = '.pixel/workspace.json';
