import type { Visualisation } from '../../judge/core/problem-schema.js';
import type { VizRun } from '../core/run.js';
import type { VizFrameOptions } from './frame-parts.js';
import { formatLineFitFrame } from './line-fit-frame.js';

/**
 * One renderer per kind of visualisation (problem.json "visualisation.kind"): a new kind adds
 * its schema to problem-schema.ts and its case here, and TypeScript refuses a kind left out.
 */
export function renderVizFrame(
  run: VizRun,
  visualisation: Visualisation,
  options: VizFrameOptions,
): string {
  switch (visualisation.kind) {
    case 'line-fit':
      return formatLineFitFrame(run, visualisation, options);
  }
}
