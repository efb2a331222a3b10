/**
 * The EmbeddingProvider contract (ports/embedding-provider.ts), run by
 * test/integration/memory-embeddings.test.ts against every provider. The similarity check uses
 * sentences that share words with their paraphrase, so the word-hashing provider must pass it too;
 * semantic providers pass it with room to spare.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddingProvider } from '../../src/ports/embedding-provider.js';

export interface EmbeddingProviderUnderTest {
  provider: EmbeddingProvider;
  cleanup(): Promise<void>;
}

const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const norm = (a: Float32Array): number => Math.sqrt(cosine(a, a));

export function defineEmbeddingProviderContract(
  name: string,
  factory: () => Promise<EmbeddingProviderUnderTest>,
  expected: { id: string | RegExp; dim: number },
): void {
  describe(`EmbeddingProvider contract: ${name}`, () => {
    let sut: EmbeddingProviderUnderTest;
    let provider: EmbeddingProvider;

    beforeAll(async () => {
      sut = await factory();
      provider = sut.provider;
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    it('names itself with its model and dimension', () => {
      if (typeof expected.id === 'string') expect(provider.id).toBe(expected.id);
      else expect(provider.id).toMatch(expected.id);
      expect(provider.dim).toBe(expected.dim);
    });

    it('returns one unit vector of the right dimension per text, in order, deterministically', async () => {
      const texts = ['Rolled back the release after the canary error rate doubled', 'Password hashing uses argon2id', 'ok'];
      const first = await provider.embed(texts);
      const again = await provider.embed([texts[1] as string]);
      expect(first).toHaveLength(3);
      for (const v of first) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(provider.dim);
        expect(norm(v)).toBeCloseTo(1, 4);
      }
      expect(cosine(first[1] as Float32Array, again[0] as Float32Array)).toBeCloseTo(1, 4);
      expect(await provider.embed([])).toEqual([]);
    });

    it('puts a paraphrase closer than an unrelated text', async () => {
      const [anchor, paraphrase, unrelated] = await provider.embed([
        'The login unit tests were failing, so I fixed the session mock',
        'Fixed failing unit tests for login by repairing the session mock',
        'Ordered pizza and salad for the quarterly team lunch',
      ]);
      const near = cosine(anchor as Float32Array, paraphrase as Float32Array);
      const far = cosine(anchor as Float32Array, unrelated as Float32Array);
      expect(near).toBeGreaterThan(far + 0.2);
    });
  });
}
