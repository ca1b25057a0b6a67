/** Which sources a command works on: `--source` ids and `--tag`s, checked against the list. */
import { UsageError } from '../../errors.js';
import type { ResolvedSource } from '../../core/feed/source.js';

export function findSource(sources: readonly ResolvedSource[], id: string): ResolvedSource {
  const found = sources.find((source) => source.id === id.trim().toLowerCase());
  if (found) return found;
  const close = sources
    .filter(
      (source) => source.id.includes(id.toLowerCase()) || id.toLowerCase().includes(source.id),
    )
    .map((source) => source.id);
  throw new UsageError(`unknown feed source '${id}'`, {
    hint:
      close.length > 0
        ? `did you mean ${close.slice(0, 3).join(', ')}? 'pixel feed sources' lists them all`
        : "'pixel feed sources' lists the source ids",
  });
}

/**
 * Named sources are used even when disabled (asking for one by name is consent); without
 * names, the enabled ones. Tags then narrow that set (any tag matches).
 */
/** `--source a b`, `--source a --source b` and `--source a,b` all mean the same. */
function splitList(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

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
    const known = new Set(sources.flatMap((source) => source.tags));
    const unknown = [...wanted].filter((tag) => !known.has(tag));
    if (unknown.length > 0) {
      throw new UsageError(`no source has the tag '${unknown.join("', '")}'`, {
        hint: `known tags: ${[...known].sort().join(', ')}`,
      });
    }
    selected = selected.filter((source) => source.tags.some((tag) => wanted.has(tag)));
  }
  return selected;
}
