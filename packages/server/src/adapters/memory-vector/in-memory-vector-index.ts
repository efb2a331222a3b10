/**
 * `in-memory`: vectors cached in process memory, one contiguous Float32Array per partition, searched
 * by scanning every vector of the asked partitions (no graph, no clustering: nothing to build or
 * tune, and a write is visible at once). The path for PostgreSQL without pgvector, the fallback
 * when sqlite-vec cannot load, and the fast choice for large embedded sets.
 *
 *  - Up to `exactUpTo` vectors per search (default 4,096) it computes every cosine similarity
 *    (dot products of unit vectors): exact.
 *  - Beyond that it first scans 512-bit sketches, which is ~7× cheaper, keeps the best
 *    max(RESCORE_FACTOR × k, MIN_RESCORE) and rescores those exactly. A sketch is the signs of the
 *    vector after a fixed random rotation (two rounds of random sign flips and a fast
 *    Walsh-Hadamard transform): each bit is a random hyperplane, so the Hamming distance of two
 *    sketches estimates the angle between the vectors (SimHash). Without the rotation, sparse
 *    vectors (the hash embedder's) give sketches full of zeros and the estimate breaks down.
 *    Results are near-exact: bench/memory/search.ts reports the measured recall against a full scan.
 *
 * Nothing is persistent: a new instance is empty with no checkpoint, and the memory service fills
 * it from the store's change feed (so several replicas each keep their own copy in step).
 * Memory: 4 × dim + 64 bytes per vector (2.1 KiB at 512-d; 100,000 memories ≈ 211 MB).
 */
import type { IndexCheckpoint, VectorEntry, VectorHit, VectorIndex, VectorSearchOptions } from '../../ports/vector-index.js';
import { TopK } from './top-k.js';

export const DEFAULT_EXACT_UP_TO = 4_096;
const RESCORE_FACTOR = 8;
const MIN_RESCORE = 512;
const SKETCH_BITS = 512;
const SKETCH_SEED = 0x5eed5;

class PartitionBlock {
  ids: string[] = [];
  data: Float32Array;
  sketches: Uint32Array;

  constructor(
    private readonly dim: number,
    private readonly words: number,
    private readonly sketcher: Sketcher,
  ) {
    this.data = new Float32Array(dim * 16);
    this.sketches = new Uint32Array(words * 16);
  }

  get size(): number {
    return this.ids.length;
  }

  append(id: string, vector: Float32Array): number {
    const slot = this.ids.length;
    if ((slot + 1) * this.dim > this.data.length) {
      const data = new Float32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
      const sketches = new Uint32Array(this.sketches.length * 2);
      sketches.set(this.sketches);
      this.sketches = sketches;
    }
    this.ids.push(id);
    this.write(slot, vector);
    return slot;
  }

  write(slot: number, vector: Float32Array): void {
    this.data.set(vector, slot * this.dim);
    this.sketcher.sketchInto(vector, this.sketches, slot * this.words);
  }

  /** Swap-removes `slot`; answers the id that moved into it (or null). */
  removeAt(slot: number): string | null {
    const last = this.ids.length - 1;
    const movedId = this.ids[last] ?? null;
    if (slot !== last && movedId !== null) {
      this.data.copyWithin(slot * this.dim, last * this.dim, (last + 1) * this.dim);
      this.sketches.copyWithin(slot * this.words, last * this.words, (last + 1) * this.words);
      this.ids[slot] = movedId;
    }
    this.ids.pop();
    return slot !== last ? movedId : null;
  }
}

export interface InMemoryVectorIndexOptions {
  /** Searches over at most this many vectors are exact; larger ones use the sketch pre-filter. @default 4096 */
  exactUpTo?: number;
}

export class InMemoryVectorIndex implements VectorIndex {
  readonly kind = 'in-memory';
  readonly dim: number;
  readonly #words: number;
  readonly #sketcher: Sketcher;
  readonly #exactUpTo: number;
  readonly #blocks = new Map<string, PartitionBlock>();
  readonly #where = new Map<string, { partition: string; slot: number }>();
  #checkpoint: IndexCheckpoint | null = null;

  constructor(dim: number, options: InMemoryVectorIndexOptions = {}) {
    this.dim = dim;
    this.#sketcher = new Sketcher(dim);
    this.#words = this.#sketcher.words;
    this.#exactUpTo = options.exactUpTo ?? DEFAULT_EXACT_UP_TO;
  }

  upsert(entries: readonly VectorEntry[]): Promise<void> {
    const bad = entries.find((e) => e.vector.length !== this.dim);
    if (bad) return Promise.reject(new RangeError(`in-memory index: vector has ${bad.vector.length} dimensions, expected ${this.dim}`));
    for (const entry of entries) {
      const at = this.#where.get(entry.id);
      if (at && at.partition === entry.partition) {
        this.#blocks.get(at.partition)?.write(at.slot, entry.vector);
        continue;
      }
      if (at) this.#removeOne(entry.id);
      let block = this.#blocks.get(entry.partition);
      if (!block) {
        block = new PartitionBlock(this.dim, this.#words, this.#sketcher);
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
    const blocks = [...new Set(options.partitions)].flatMap((p) => this.#blocks.get(p) ?? []);
    const scanned = blocks.reduce((n, b) => n + b.size, 0);
    if (options.k <= 0 || scanned === 0) return Promise.resolve([]);
    return Promise.resolve(scanned <= this.#exactUpTo ? this.#exact(query, blocks, options.k) : this.#sketched(query, blocks, options.k));
  }

  similarities(query: Float32Array, ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const id of ids) {
      const at = this.#where.get(id);
      const block = at ? this.#blocks.get(at.partition) : undefined;
      if (at && block) out.set(id, dot(query, block.data, at.slot * this.dim, this.dim));
    }
    return Promise.resolve(out);
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

  #exact(query: Float32Array, blocks: readonly PartitionBlock[], k: number): VectorHit[] {
    const top = new TopK(k);
    for (const block of blocks) {
      for (let slot = 0; slot < block.size; slot++) {
        const similarity = dot(query, block.data, slot * this.dim, this.dim);
        if (similarity > top.threshold) top.offer(block.ids[slot] as string, similarity);
      }
    }
    return top.sorted();
  }

  #sketched(query: Float32Array, blocks: readonly PartitionBlock[], k: number): VectorHit[] {
    const words = this.#words;
    const querySketch = new Uint32Array(words);
    this.#sketcher.sketchInto(query, querySketch, 0);
    // Keep the smallest Hamming distances: a TopK over their negation.
    const coarse = new TopK(Math.max(RESCORE_FACTOR * k, MIN_RESCORE));
    const where: { block: PartitionBlock; slot: number }[] = [];
    const keyOf = new Map<string, number>();
    for (const block of blocks) {
      const { sketches } = block;
      for (let slot = 0, base = 0; slot < block.size; slot++, base += words) {
        let distance = 0;
        for (let w = 0; w < words; w++) distance += popcount((querySketch[w] as number) ^ (sketches[base + w] as number));
        if (-distance > coarse.threshold) {
          const id = block.ids[slot] as string;
          keyOf.set(id, where.length);
          where.push({ block, slot });
          coarse.offer(id, -distance);
        }
      }
    }
    const top = new TopK(k);
    for (const hit of coarse.sorted()) {
      const at = where[keyOf.get(hit.id) as number] as { block: PartitionBlock; slot: number };
      top.offer(hit.id, dot(query, at.block.data, at.slot * this.dim, this.dim));
    }
    return top.sorted();
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

/** Dot product of `query` with `data[offset … offset + dim)`, four lanes for the JIT. */
function dot(query: Float32Array, data: Float32Array, offset: number, dim: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let j = 0;
  for (; j + 3 < dim; j += 4) {
    a += (query[j] as number) * (data[offset + j] as number);
    b += (query[j + 1] as number) * (data[offset + j + 1] as number);
    c += (query[j + 2] as number) * (data[offset + j + 2] as number);
    d += (query[j + 3] as number) * (data[offset + j + 3] as number);
  }
  for (; j < dim; j++) a += (query[j] as number) * (data[offset + j] as number);
  return a + b + c + d;
}

/** Sign bits of a fixed random rotation of the vector (see the module comment). */
class Sketcher {
  readonly words: number;
  readonly #bits: number;
  readonly #flips: [Float32Array, Float32Array];
  readonly #scratch: Float32Array;

  constructor(dim: number) {
    let size = 1;
    while (size < dim) size <<= 1;
    this.#bits = Math.min(SKETCH_BITS, size);
    this.words = Math.ceil(this.#bits / 32);
    const random = mulberry32(SKETCH_SEED ^ dim);
    const signs = (): Float32Array => Float32Array.from({ length: size }, () => (random() < 0.5 ? -1 : 1));
    this.#flips = [signs(), signs()];
    this.#scratch = new Float32Array(size);
  }

  sketchInto(vector: Float32Array, out: Uint32Array, offset: number): void {
    const a = this.#scratch;
    a.fill(0);
    a.set(vector);
    for (const flip of this.#flips) {
      for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) * (flip[i] as number);
      walshHadamard(a);
    }
    for (let w = 0; w < this.words; w++) {
      let bits = 0;
      for (let b = 0; b < 32; b++) {
        const i = w * 32 + b;
        if (i < this.#bits && (a[i] as number) > 0) bits |= 1 << b;
      }
      out[offset + w] = bits >>> 0;
    }
  }
}

/** In-place unnormalized fast Walsh-Hadamard transform (length a power of two). */
function walshHadamard(a: Float32Array): void {
  for (let h = 1; h < a.length; h <<= 1) {
    for (let i = 0; i < a.length; i += h << 1) {
      for (let j = i; j < i + h; j++) {
        const x = a[j] as number;
        const y = a[j + h] as number;
        a[j] = x + y;
        a[j + h] = x - y;
      }
    }
  }
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
