import type { Progress } from '../../shared/core/progress.js';
import type { Problem } from './problem-schema.js';

/** One exercise of the track with the learner's standing on it. */
export interface TrackEntry {
  id: string;
  title: string;
  difficulty: Problem['difficulty'];
  order: number;
  lesson: string;
  summary: string;
  attempts: number;
  solved: boolean;
}

/** The track in order, each problem with its attempts and whether it is solved. */
export function trackStanding(problems: readonly Problem[], progress: Progress): TrackEntry[] {
  return [...problems]
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((problem) => {
      const entry = progress.problems[problem.id];
      return {
        id: problem.id,
        title: problem.title,
        difficulty: problem.difficulty,
        order: problem.order,
        lesson: problem.lesson,
        summary: problem.summary,
        attempts: entry?.attempts ?? 0,
        solved: Boolean(entry?.solvedAt),
      };
    });
}

/** What to do next: the first unsolved exercise in track order, if any is left. */
export function nextUnsolved(track: readonly TrackEntry[]): TrackEntry | undefined {
  return track.find((entry) => !entry.solved);
}
