/**
 * PEP 425 compatibility tags (work in progress: the full generator lands next).
 *
 * - `tagPriority(tags): Map<string, number>` — tag → its index in an ordered supported-tag list (0 = best),
 *   cached per list so ranking many wheels against one target is a map lookup each.
 */

const priorityCache = new WeakMap<readonly string[], Map<string, number>>();

export function tagPriority(tags: readonly string[]): Map<string, number> {
  let map = priorityCache.get(tags);
  if (!map) {
    map = new Map();
    // First occurrence wins: a tag listed twice keeps its better rank.
    tags.forEach((tag, index) => {
      const key = tag.toLowerCase();
      if (!map!.has(key)) map!.set(key, index);
    });
    priorityCache.set(tags, map);
  }
  return map;
}
