import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemSchemaTexts } from '../../scripts/problem-schemas.js';
import { listProblemIds } from '../../src/judge/io/problem-store.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

describe('JSON Schemas for problem authors', () => {
  it('are generated from the zod schemas and up to date (npm run schemas)', () => {
    for (const [name, text] of Object.entries(problemSchemaTexts())) {
      expect(readFileSync(join(REPO_ROOT, 'problems', 'schema', name), 'utf8'), name).toBe(text);
    }
  });

  it('are what every problem file names, so an editor checks it', () => {
    for (const id of listProblemIds()) {
      for (const file of ['problem.json', 'cases.json']) {
        const data = JSON.parse(readFileSync(join(REPO_ROOT, 'problems', id, file), 'utf8')) as {
          $schema?: string;
        };
        expect(data.$schema, `${id}/${file}`).toBe(
          `../schema/${file.replace('.json', '.schema.json')}`,
        );
      }
    }
  });
});
