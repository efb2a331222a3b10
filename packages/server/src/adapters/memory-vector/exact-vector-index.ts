/**
 * `exact`: vectors cached in memory, one contiguous Float32Array per partition, searched by a
 * full scan of the asked partitions (dot products of unit vectors = cosine similarity). The path
 * for PostgreSQL without pgvector, and the fallback when sqlite-vec cannot load. Exact by
 * construction: it always returns the true top k.
 *
 * Nothing is persistent: a new instance is empty with no checkpoint, and the memory service fills
 * it from the store's change feed (so several replicas each keep their own copy in step).
 * Memory: 4 bytes × dim per vector (2 KiB at 512-d; 100,000 memories ≈ 205 MB).
 */
import type { IndexCheckpoint, VectorEntry, VectorHit, VectorIndex, VectorSearchOptions } from '../../ports/vector-index.js';
import { TopK } from './top-k.js';

class PartitionBlock {
  ids: string[] = [];
  data: Float32Array;

  constructor(private readonly dim: number) {
    this.data = new Float32Array(dim * 16);
  }

  get size(): number {
    return this.ids.length;
  }

  append(id: string, vector: Float32Array): number {
    const slot = this.ids.length;
    if ((slot + 1) * this.dim > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.ids.push(id);
    this.data.set(vector, slot * this.dim);
    return slot;
  }

  write(slot: number, vector: Float32Array): void {
    this.data.set(vector, slot * this.dim);
  }

  /** Swap-removes `slot`; answers the id that moved into it (or null). */
  removeAt(slot: number): string | null {
    const last = this.ids.length - 1;
    const movedId = this.ids[last] ?? null;
    if (slot !== last && movedId !== null) {
      this.data.copyWithin(slot * this.dim, last * this.dim, (last + 1) * this.dim);
      this.ids[slot] = movedId;
    }
    this.ids.pop();
    return slot !== last ? movedId : null;
  }
}

export class ExactVectorIndex implements VectorIndex {
  readonly kind = 'exact';
  readonly dim: number;
  readonly #blocks = new Map<string, PartitionBlock>();
  readonly #where = new Map<string, { partition: string; slot: number }>();
  #checkpoint: IndexCheckpoint | null = null;

  constructor(dim: number) {
    this.dim = dim;
  }

  upsert(entries: readonly VectorEntry[]): Promise<void> {
    const bad = entries.find((e) => e.vector.length !== this.dim);
    if (bad) return Promise.reject(new RangeError(`exact index: vector has ${bad.vector.length} dimensions, expected ${this.dim}`));
    for (const entry of entries) {
      const at = this.#where.get(entry.id);
      if (at && at.partition === entry.partition) {
        this.#blocks.get(at.partition)?.write(at.slot, entry.vector);
        continue;
      }
      if (at) this.#removeOne(entry.id);
      let block = this.#blocks.get(entry.partition);
      if (!block) {
        block = new PartitionBlock(this.dim);
        this.#blocks.set(entry.partition, block);
      }
      this.#where.set(entry.id, { partition: entry.partition, slot: block.append(entry.id, entry.vector) });
    }
    return Promise.resolve();
  }

  remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.#removeOne(id);
    return Promise.resolve();
  }

  search(query: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]> {
    const dim = this.dim;
    const top = new TopK(options.k);
    for (const partition of new Set(options.partitions)) {
      const block = this.#blocks.get(partition);
      if (!block) continue;
      const { data, ids } = block;
      for (let slot = 0, base = 0; slot < ids.length; slot++, base += dim) {
        let dot = 0;
        for (let j = 0; j < dim; j++) dot += (query[j] as number) * (data[base + j] as number);
        if (dot > top.threshold) top.offer(ids[slot] as string, dot);
      }
    }
    return Promise.resolve(top.sorted());
  }

  count(): Promise<number> {
    return Promise.resolve(this.#where.size);
  }

  checkpoint(): Promise<IndexCheckpoint | null> {
    return Promise.resolve(this.#checkpoint);
  }

  setCheckpoint(checkpoint: IndexCheckpoint): Promise<void> {
    this.#checkpoint = { ...checkpoint };
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.#blocks.clear();
    this.#where.clear();
    this.#checkpoint = null;
    return Promise.resolve();
  }

  close(): Promise<void> {
    return this.clear();
  }

  #removeOne(id: string): void {
    const at = this.#where.get(id);
    if (!at) return;
    const block = this.#blocks.get(at.partition);
    this.#where.delete(id);
    if (!block) return;
    const moved = block.removeAt(at.slot);
    if (moved !== null) this.#where.set(moved, { partition: at.partition, slot: at.slot });
    if (block.size === 0) this.#blocks.delete(at.partition);
  }
}
