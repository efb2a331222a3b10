/**
 * The raw limit for memory vector search: plain Float32Array dot products over the same vectors a
 * search may read (the asker's partitions), with a simple top-k. No sketches, no pruning, no store,
 * no service: what any vector search over these memories costs at least if it scans them all.
 * bench/memory/search.ts reports our search latency against it (issue #10).
 */
import type { MemoryRepository } from '../../packages/server/src/ports/memory-repository.js';

export class RawScan {
  readonly #blocks = new Map<string, { data: Float32Array; size: number }>();

  private constructor(private readonly dim: number) {}

  /** Every current vector of `provider` from the store's change feed, grouped by partition. */
  static async load(repository: MemoryRepository, provider: string, dim: number): Promise<RawScan> {
    const latest = new Map<string, { partition: string; vector: Float32Array | null }>();
    for (let rev = 0; ; ) {
      const changes = await repository.vectorChanges(rev, 5000, provider);
      if (changes.length === 0) break;
      for (const c of changes) latest.set(c.id, { partition: c.partition, vector: c.vector });
      rev = (changes[changes.length - 1] as { rev: number }).rev;
    }
    const scan = new RawScan(dim);
    const byPartition = new Map<string, Float32Array[]>();
    for (const { partition, vector } of latest.values()) {
      if (!vector) continue;
      const list = byPartition.get(partition) ?? [];
      list.push(vector);
      byPartition.set(partition, list);
    }
    for (const [partition, vectors] of byPartition) {
      const data = new Float32Array(vectors.length * dim);
      vectors.forEach((v, i) => data.set(v, i * dim));
      scan.#blocks.set(partition, { data, size: vectors.length });
    }
    return scan;
  }

  get size(): number {
    let n = 0;
    for (const b of this.#blocks.values()) n += b.size;
    return n;
  }

  /** Vectors in these partitions. */
  count(partitions: readonly string[]): number {
    return partitions.reduce((n, p) => n + (this.#blocks.get(p)?.size ?? 0), 0);
  }

  /** The k best dot products (values only: the limit is the arithmetic, not the bookkeeping). */
  search(query: Float32Array, partitions: readonly string[], k: number): number[] {
    const top: number[] = [];
    const dim = this.dim;
    for (const p of partitions) {
      const block = this.#blocks.get(p);
      if (!block) continue;
      const { data, size } = block;
      for (let i = 0, base = 0; i < size; i++, base += dim) {
        let s = 0;
        for (let j = 0; j < dim; j++) s += (query[j] as number) * (data[base + j] as number);
        if (top.length < k) {
          top.push(s);
          top.sort((a, b) => b - a);
        } else if (s > (top[k - 1] as number)) {
          top[k - 1] = s;
          top.sort((a, b) => b - a);
        }
      }
    }
    return top;
  }
}
