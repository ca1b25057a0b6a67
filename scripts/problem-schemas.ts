// JSON Schemas for problem authors, generated from the zod schemas the judge validates with, so
// an editor checks problem.json and cases.json as they are typed ("$schema" in each file).
// `npm run schemas` writes them; test/judge/problem-schemas.test.ts fails when they are stale.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { problemSchemas } from '../src/judge/core/problem-schema.js';

const { ProblemSchema, CasesFileSchema } = problemSchemas();

export const SCHEMA_FILES = {
  'problem.schema.json': ProblemSchema,
  'cases.schema.json': CasesFileSchema,
} as const;

/** The text of each schema file, as committed under problems/schema/. */
export function problemSchemaTexts(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SCHEMA_FILES).map(([name, schema]) => [
      name,
      `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`,
    ]),
  );
}

export async function writeProblemSchemas(root: string): Promise<void> {
  for (const [name, text] of Object.entries(problemSchemaTexts())) {
    await writeFile(join(root, 'problems', 'schema', name), text);
  }
}
