import { describe, expect, it } from 'vitest';
import { estimateTokens, packContext, type BudgetMemory } from './context-budget.js';

const mem = (id: string, chars: number): BudgetMemory => ({
  id,
  type: 'experience',
  content: 'x'.repeat(chars),
  importance: 7,
  createdAt: '2025-07-06T10:00:00.000Z',
});

describe('context packing', () => {
  it('cites every memory by id and never exceeds the budget', () => {
    const packed = packContext([mem('mem_a', 200), mem('mem_b', 200), mem('mem_c', 4000)], 300);
    expect(packed.items.map((i) => i.memory.id)).toEqual(['mem_a', 'mem_b', 'mem_c']);
    expect(packed.items[2]?.truncated).toBe(true);
    expect(packed.tokensUsed).toBeLessThanOrEqual(300);
    expect(estimateTokens(packed.prompt)).toBeLessThanOrEqual(300);
    expect(packed.prompt).toContain('[mem_a] (experience, 2025-07-06, importance 7) ');
    expect(packed.prompt).toContain('[mem_c]');
  });

  it('stops at the first memory that does not fit when too little budget is left to cut it', () => {
    const packed = packContext([mem('mem_a', 600), mem('mem_b', 50)], 200);
    expect(packed.items.map((i) => i.memory.id)).toEqual(['mem_a']);
    expect(packed.items[0]?.truncated).toBe(false);
  });

  it('answers an empty prompt when nothing is relevant', () => {
    expect(packContext([], 1000)).toEqual({ items: [], prompt: '', tokensUsed: 0 });
  });
});
