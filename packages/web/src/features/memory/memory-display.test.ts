import { describe, expect, it } from 'vitest';
import { describeRecallNote, formatRelevance, importanceLabel, shortMemoryId } from './memory-display';

describe('memory display', () => {
  it('describes the memory note of a run\'s start', () => {
    expect(describeRecallNote({ used: 2, tokens: 180, ids: ['a', 'b'] })).toBe('2 memories in the prompt (180 tokens).');
    expect(describeRecallNote({ used: 1, tokens: 40, ids: ['a'] })).toBe('1 memory in the prompt (40 tokens).');
    expect(describeRecallNote({ used: 0, tokens: 0, ids: [] })).toBe('No relevant memories for the prompt.');
    expect(describeRecallNote({ error: 'MEMORY_UNAVAILABLE', message: 'x' })).toBe('Memory unavailable (MEMORY_UNAVAILABLE): the run started without memories.');
    expect(describeRecallNote({ skipped: 'MEMORY_UNAVAILABLE' })).toMatch(/^Memory skipped after a recent failure/);
    expect(describeRecallNote(undefined)).toBeNull();
    expect(describeRecallNote({ other: 1 })).toBeNull();
  });

  it('labels importance on the origin\'s scale and formats ids and relevance', () => {
    expect([2, 5, 7, 9.5].map(importanceLabel)).toEqual(['minor', 'useful', 'important', 'critical']);
    expect(formatRelevance(0.73456)).toBe('0.73');
    expect(shortMemoryId('mem_0f1e2d3c-aaaa-4bbb-8ccc-000000000000')).toBe('0f1e2d3c');
  });
});
