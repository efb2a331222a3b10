import { describe, expect, it } from 'vitest';
import { makeMemory } from '../../test-support/memory-fixtures';
import { formProblem, memoryChanges, parseTags, toMemoryForm } from './memory-edit-form';

describe('memory edit form', () => {
  const memory = makeMemory({ content: 'Use keyset pages.', tags: ['db', 'api'], importance: 6, scope: 'private' });

  it('sends nothing when nothing changed (whitespace and tag spacing included)', () => {
    const form = toMemoryForm(memory);
    expect(form).toEqual({ content: 'Use keyset pages.', tags: 'db, api', importance: 6, scope: 'private' });
    expect(memoryChanges(memory, { ...form, content: '  Use keyset pages.\n', tags: 'db,api,' })).toBeNull();
  });

  it('sends only the fields that changed', () => {
    const form = toMemoryForm(memory);
    expect(memoryChanges(memory, { ...form, importance: 9 })).toEqual({ importance: 9 });
    expect(memoryChanges(memory, { ...form, content: 'Use cursors.', tags: 'db', scope: 'department' })).toEqual({
      content: 'Use cursors.',
      tags: ['db'],
      scope: 'department',
    });
  });

  it('parses comma-separated tags without empties or repeats', () => {
    expect(parseTags(' a, b ,, A , c')).toEqual(['a', 'b', 'c']);
    expect(parseTags('')).toEqual([]);
  });

  it('refuses empty content and importance outside 0–10 before asking the server', () => {
    const form = toMemoryForm(memory);
    expect(formProblem(form)).toBeNull();
    expect(formProblem({ ...form, content: '  ' })).toMatch(/content/);
    expect(formProblem({ ...form, importance: 11 })).toMatch(/0 to 10/);
    expect(formProblem({ ...form, importance: Number.NaN })).toMatch(/0 to 10/);
  });
});
