import type { ListFilter, MatchMetadata } from './types';

/** The listMatches filter, shared by every backend that filters in JS. */
export function matchesFilter(meta: MatchMetadata, filter: ListFilter): boolean {
  if (filter.gameName !== undefined && meta.gameName !== filter.gameName) return false;
  if (filter.visibility !== undefined && meta.visibility !== filter.visibility) return false;
  if (
    filter.finished !== undefined &&
    (meta.gameover !== undefined && meta.gameover !== null) !== filter.finished
  ) {
    return false;
  }
  return true;
}
