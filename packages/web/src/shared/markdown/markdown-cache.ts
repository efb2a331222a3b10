/**
 * Parsed Markdown, memoized per source text. Virtualized lists unmount and remount rows while
 * scrolling; the cache keeps re-parsing off the scroll path. Bounded (least recently used out).
 */
import type { Block } from './markdown-ast';
import { parseMarkdown } from './parse-markdown';

const MAX_ENTRIES = 400;
const cache = new Map<string, Block[]>();

export function parseMarkdownCached(source: string): readonly Block[] {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const blocks = parseMarkdown(source);
  cache.set(source, blocks);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return blocks;
}
