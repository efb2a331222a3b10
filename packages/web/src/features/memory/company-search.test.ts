import { describe, expect, it } from 'vitest';
import { makeMemory } from '../../test-support/memory-fixtures';
import { mergeOwnedHits } from './company-search';

const hit = (id: string, owner: string, score: number) => ({
  id,
  score,
  scores: { lexical: 0, vector: 0, importance: 0, recency: 0, affinity: 0 },
  memory: makeMemory({ id, employeeId: owner }),
});

describe('mergeOwnedHits', () => {
  it('keeps each memory once, from its owner\'s search, best first, up to the limit', () => {
    const merged = mergeOwnedHits(
      [
        // emp_a also reads emp_b's shared memory m2: only emp_b's own search counts for it.
        { employeeId: 'emp_a', hits: [hit('m1', 'emp_a', 0.5), hit('m2', 'emp_b', 0.99)] },
        { employeeId: 'emp_b', hits: [hit('m2', 'emp_b', 0.7), hit('m3', 'emp_b', 0.2)] },
      ],
      10,
    );
    expect(merged.map((h) => [h.id, h.ownerId, h.score])).toEqual([
      ['m2', 'emp_b', 0.7],
      ['m1', 'emp_a', 0.5],
      ['m3', 'emp_b', 0.2],
    ]);
    expect(mergeOwnedHits([{ employeeId: 'emp_b', hits: [hit('m2', 'emp_b', 0.7), hit('m3', 'emp_b', 0.2)] }], 1).map((h) => h.id)).toEqual(['m2']);
  });
});
