/**
 * The text a memory is found by, for both the lexical index and the embedding: its content, then
 * the string and number values of its context (keys are structure, not meaning: `lessons_learned`
 * would match every experience), then its tags. Capped, because sentence encoders read only the
 * beginning well and an embedding of a 10,000-character memory is dominated by its first part anyway.
 */
import type { MemoryContext } from '@dash/shared';
export declare const SEARCHABLE_TEXT_MAX_CHARS = 4000;
export declare function searchableText(memory: {
    content: string;
    context: MemoryContext;
    tags: readonly string[];
}): string;
