import { describe, expect, it } from 'vitest';
import { searchableText, SEARCHABLE_TEXT_MAX_CHARS } from './searchable-text.js';

describe('searchable text', () => {
  it('joins content, context values (not keys) and tags', () => {
    const text = searchableText({
      content: 'Moved the build to esbuild.',
      context: { project: 'dashboard', technologies: ['esbuild', 'vite'], outcome: { minutes: 4 }, skipped: null, flag: true },
      tags: ['build', 'speed'],
    });
    expect(text).toBe('Moved the build to esbuild.\ndashboard; esbuild; vite; 4\nbuild, speed');
  });

  it('caps the length', () => {
    expect(searchableText({ content: 'y'.repeat(20_000), context: {}, tags: [] })).toHaveLength(SEARCHABLE_TEXT_MAX_CHARS);
  });
});
