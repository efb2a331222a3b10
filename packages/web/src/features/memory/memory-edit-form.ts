/**
 * The memory edit form's model: the editable fields of a memory as form values, and the PATCH
 * body with only what changed (null when nothing did). Tags are typed comma-separated.
 */
import type { MemoryScope, MemoryView, UpdateMemoryBody } from '@dash/shared';

export interface MemoryForm {
  content: string;
  tags: string;
  importance: number;
  scope: MemoryScope;
}

export const toMemoryForm = (memory: Pick<MemoryView, 'content' | 'tags' | 'importance' | 'scope'>): MemoryForm => ({
  content: memory.content,
  tags: memory.tags.join(', '),
  importance: memory.importance,
  scope: memory.scope,
});

/** Comma-separated tags, trimmed, without empties or repeats (case-insensitive). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** What the form changes; content is compared trimmed, like the server stores it. */
export function memoryChanges(memory: Pick<MemoryView, 'content' | 'tags' | 'importance' | 'scope'>, form: MemoryForm): UpdateMemoryBody | null {
  const body: UpdateMemoryBody = {};
  const content = form.content.trim();
  if (content !== memory.content) body.content = content;
  const tags = parseTags(form.tags);
  if (tags.join('\u0000') !== memory.tags.join('\u0000')) body.tags = tags;
  if (form.importance !== memory.importance) body.importance = form.importance;
  if (form.scope !== memory.scope) body.scope = form.scope;
  return Object.keys(body).length === 0 ? null : body;
}

/** A problem the form can see before asking the server; null when it may be sent. */
export function formProblem(form: MemoryForm): string | null {
  if (form.content.trim() === '') return 'The content may not be empty.';
  if (!Number.isFinite(form.importance) || form.importance < 0 || form.importance > 10) return 'Importance goes from 0 to 10.';
  return null;
}
