/**
 * The text a memory is found by, for both the lexical index and the embedding: its content, then
 * the string and number values of its context (keys are structure, not meaning: `lessons_learned`
 * would match every experience), then its tags. Capped, because sentence encoders read only the
 * beginning well and an embedding of a 10,000-character memory is dominated by its first part anyway.
 */
import type { MemoryContext } from '@dash/shared';

export const SEARCHABLE_TEXT_MAX_CHARS = 4_000;

export function searchableText(memory: { content: string; context: MemoryContext; tags: readonly string[] }): string {
  const parts = [memory.content];
  const contextText = contextValues(memory.context).join('; ');
  if (contextText) parts.push(contextText);
  if (memory.tags.length > 0) parts.push(memory.tags.join(', '));
  return parts.join('\n').slice(0, SEARCHABLE_TEXT_MAX_CHARS);
}

function contextValues(value: unknown, depth = 0): string[] {
  if (depth > 4) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => contextValues(v, depth + 1));
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap((v) => contextValues(v, depth + 1));
  return [];
}
