/** Which sources a command works on: `--source` ids and `--tag`s, checked against the list. */
import { UsageError } from '../../errors.js';
import { quoted } from '../../shared/core/sanitize.js';
import { suggestClosest } from '../../shared/core/suggest.js';
import type { ResolvedSource } from './source.js';

export function findSource(sources: readonly ResolvedSource[], id: string): ResolvedSource {
  const wanted = id.trim().toLowerCase();
  const found = sources.find((source) => source.id === wanted);
  if (found) return found;
  throw new UsageError(`unknown feed source ${quoted(id)}`, {
    hint: `${suggestClosest(
      wanted,
      sources.map((source) => source.id),
    )}'pixel feed sources' lists the source ids`,
  });
}

/** `--source a b`, `--source a --source b` and `--source a,b` all mean the same. */
export function splitList(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/**
 * Named sources are used even when disabled (asking for one by name is consent); without
 * names, the enabled ones. Tags then narrow that set (any tag matches).
 */
export function selectSources(
  sources: readonly ResolvedSource[],
  rawIds: readonly string[],
  rawTags: readonly string[],
): ResolvedSource[] {
  const ids = splitList(rawIds);
  const tags = splitList(rawTags);
  let selected =
    ids.length > 0
      ? [...new Map(ids.map((id) => findSource(sources, id)).map((s) => [s.id, s])).values()]
      : sources.filter((source) => source.enabled);
  if (tags.length > 0) {
    const wanted = new Set(tags.map((tag) => tag.toLowerCase()));
    const known = [...new Set(sources.flatMap((source) => source.tags))].sort();
    const unknown = [...wanted].filter((tag) => !known.includes(tag));
    if (unknown.length > 0) {
      throw new UsageError(`no source has the tag ${unknown.map(quoted).join(', ')}`, {
        hint: `${suggestClosest(unknown[0] ?? '', known)}known tags: ${known.join(', ')}`,
      });
    }
    selected = selected.filter((source) => source.tags.some((tag) => wanted.has(tag)));
  }
  return selected;
}
