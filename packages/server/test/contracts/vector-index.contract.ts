/**
 * The VectorIndex contract (ports/vector-index.ts), run against every implementation by
 * test/integration/memory-vector-index.test.ts and pgvector-index.test.ts (pgvector on PGlite).
 * Vectors are random unit vectors from a seeded generator, so a failure reproduces; "true top k"
 * is checked against a brute-force scan.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VectorEntry, VectorIndex } from '../../src/ports/vector-index.js';

export interface VectorIndexUnderTest {
  index: VectorIndex;
  /** Closes and reopens the same index (persistent implementations only). */
  reopen?(): Promise<VectorIndex>;
  cleanup(): Promise<void>;
}

export interface VectorIndexContractOptions {
  /** The implementation returns the exact top k (not an approximation). */
  exact: boolean;
  /** Entries and checkpoint survive close + reopen. */
  persistent: boolean;
}

export const CONTRACT_DIM = 32;

/** Deterministic pseudo-random unit vectors (mulberry32). */
export function seededVectors(seed: number, count: number, dim = CONTRACT_DIM): Float32Array[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => unit(Float32Array.from({ length: dim }, () => next() * 2 - 1)));
}

export function unit(v: Float32Array): Float32Array {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const axis = (i: number, dim = CONTRACT_DIM): Float32Array => {
  const v = new Float32Array(dim);
  v[i] = 1;
  return v;
};

export function defineVectorIndexContract(name: string, factory: () => Promise<VectorIndexUnderTest>, options: VectorIndexContractOptions): void {
  describe(`VectorIndex contract: ${name}`, () => {
    let sut: VectorIndexUnderTest;
    let index: VectorIndex;

    beforeEach(async () => {
      sut = await factory();
      index = sut.index;
    });
    afterEach(async () => {
      await sut.cleanup();
    });

    it('finds the nearest vectors first, with cosine similarity', async () => {
      expect(index.dim).toBe(CONTRACT_DIM);
      const near = unit(Float32Array.from({ length: CONTRACT_DIM }, (_, i) => (i === 0 ? 1 : i === 1 ? 0.2 : 0)));
      await index.upsert([
        { id: 'a', partition: 'p1', vector: axis(0) },
        { id: 'b', partition: 'p1', vector: near },
        { id: 'c', partition: 'p1', vector: axis(2) },
      ]);
      const hits = await index.search(axis(0), { partitions: ['p1'], k: 2 });
      expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
      expect(hits[0]?.similarity).toBeCloseTo(1, 4);
      expect(hits[1]?.similarity).toBeCloseTo(dot(axis(0), near), 4);
      expect(await index.count()).toBe(3);
    });

    it('gives the exact similarity of chosen entries, whatever their partition', async () => {
      const near = unit(Float32Array.from({ length: CONTRACT_DIM }, (_, i) => (i === 0 ? 1 : i === 1 ? 0.5 : 0)));
      await index.upsert([
        { id: 'a', partition: 'p1', vector: axis(0) },
        { id: 'b', partition: 'p2', vector: near },
      ]);
      const sims = await index.similarities(axis(0), ['a', 'b', 'missing']);
      expect([...sims.keys()].sort()).toEqual(['a', 'b']);
      expect(sims.get('a')).toBeCloseTo(1, 4);
      expect(sims.get('b')).toBeCloseTo(dot(axis(0), near), 4);
      expect(await index.similarities(axis(0), [])).toEqual(new Map());
    });

    it('only searches the given partitions', async () => {
      await index.upsert([
        { id: 'own', partition: 'emp:emp_005', vector: axis(1) },
        { id: 'other', partition: 'emp:emp_006', vector: axis(0) },
        { id: 'shared', partition: 'dept:development', vector: axis(3) },
      ]);
      const hits = await index.search(axis(0), { partitions: ['emp:emp_005', 'dept:development'], k: 10 });
      expect(hits.map((h) => h.id).sort()).toEqual(['own', 'shared']);
      expect(await index.search(axis(0), { partitions: ['nobody'], k: 10 })).toEqual([]);
      expect(await index.search(axis(0), { partitions: [], k: 10 })).toEqual([]);
    });

    it('replaces a vector and moves an entry to another partition on upsert', async () => {
      await index.upsert([{ id: 'm', partition: 'p1', vector: axis(0) }]);
      await index.upsert([{ id: 'm', partition: 'p1', vector: axis(5) }]);
      expect((await index.search(axis(5), { partitions: ['p1'], k: 1 }))[0]).toMatchObject({ id: 'm' });
      expect((await index.search(axis(5), { partitions: ['p1'], k: 1 }))[0]?.similarity).toBeCloseTo(1, 4);
      await index.upsert([{ id: 'm', partition: 'p2', vector: axis(5) }]);
      expect(await index.search(axis(5), { partitions: ['p1'], k: 1 })).toEqual([]);
      expect((await index.search(axis(5), { partitions: ['p2'], k: 1 })).map((h) => h.id)).toEqual(['m']);
      expect(await index.count()).toBe(1);
    });

    it('removes entries, ignoring unknown ids', async () => {
      const vectors = seededVectors(7, 5);
      await index.upsert(vectors.map((vector, i) => ({ id: `v${i}`, partition: 'p', vector })));
      await index.remove(['v1', 'v3', 'unknown']);
      expect(await index.count()).toBe(3);
      const hits = await index.search(vectors[1] as Float32Array, { partitions: ['p'], k: 10 });
      expect(hits.map((h) => h.id).sort()).toEqual(['v0', 'v2', 'v4']);
    });

    it(options.exact ? 'returns the true top k across several partitions' : 'returns mostly the true top k', async () => {
      const vectors = seededVectors(42, 600);
      const entries: VectorEntry[] = vectors.map((vector, i) => ({ id: `m${String(i).padStart(4, '0')}`, partition: `p${i % 4}`, vector }));
      for (let i = 0; i < entries.length; i += 100) await index.upsert(entries.slice(i, i + 100));
      for (const [q, query] of seededVectors(99, 5).entries()) {
        const partitions = q % 2 === 0 ? ['p0', 'p2'] : ['p1', 'p2', 'p3'];
        const truth = entries
          .filter((e) => partitions.includes(e.partition))
          .map((e) => ({ id: e.id, similarity: dot(query, e.vector) }))
          .sort((a, b) => b.similarity - a.similarity)
          .slice(0, 10);
        const hits = await index.search(query, { partitions, k: 10 });
        expect(hits.length).toBe(10);
        for (let i = 1; i < hits.length; i++) expect((hits[i - 1] as { similarity: number }).similarity).toBeGreaterThanOrEqual((hits[i] as { similarity: number }).similarity);
        const found = hits.filter((h) => truth.some((t) => t.id === h.id)).length;
        if (options.exact) {
          expect(hits.map((h) => h.id)).toEqual(truth.map((t) => t.id));
          hits.forEach((h, i) => expect(h.similarity).toBeCloseTo(truth[i]?.similarity ?? NaN, 4));
        } else {
          // Approximate: it may miss some of the true top k, but what it reports is exact.
          expect(found).toBeGreaterThanOrEqual(8);
          for (const h of hits) {
            const entry = entries.find((e) => e.id === h.id);
            expect(partitions).toContain(entry?.partition);
            expect(h.similarity).toBeCloseTo(dot(query, entry?.vector ?? new Float32Array(CONTRACT_DIM)), 4);
          }
        }
      }
    });

    it('keeps a checkpoint, and clear empties everything', async () => {
      expect(await index.checkpoint()).toBeNull();
      await index.upsert([{ id: 'x', partition: 'p', vector: axis(0) }]);
      await index.setCheckpoint({ provider: 'hash-v1', rev: 41 });
      await index.setCheckpoint({ provider: 'hash-v1', rev: 42 });
      expect(await index.checkpoint()).toEqual({ provider: 'hash-v1', rev: 42 });
      await index.clear();
      expect(await index.count()).toBe(0);
      expect(await index.checkpoint()).toBeNull();
      expect(await index.search(axis(0), { partitions: ['p'], k: 5 })).toEqual([]);
    });

    it('refuses vectors of another dimension', async () => {
      await expect(index.upsert([{ id: 'bad', partition: 'p', vector: new Float32Array(CONTRACT_DIM + 1) }])).rejects.toThrow(/dimension/);
    });

    if (options.persistent) {
      it('keeps entries and checkpoint across a reopen', async () => {
        if (!sut.reopen) throw new Error('a persistent index under test must offer reopen()');
        await index.upsert([{ id: 'kept', partition: 'p', vector: axis(4) }]);
        await index.setCheckpoint({ provider: 'use-lite-v1', rev: 7 });
        index = await sut.reopen();
        expect(await index.count()).toBe(1);
        expect(await index.checkpoint()).toEqual({ provider: 'use-lite-v1', rev: 7 });
        expect((await index.search(axis(4), { partitions: ['p'], k: 1 })).map((h) => h.id)).toEqual(['kept']);
      });
    }
  });
}
