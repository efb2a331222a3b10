import { TopK } from './top-k.js';
export const DEFAULT_EXACT_UP_TO = 4_096;
const RESCORE_FACTOR = 8;
const MIN_RESCORE = 512;
const SKETCH_BITS = 512;
const SKETCH_SEED = 0x5eed5;
class PartitionBlock {
    dim;
    words;
    sketcher;
    ids = [];
    data;
    sketches;
    constructor(dim, words, sketcher) {
        this.dim = dim;
        this.words = words;
        this.sketcher = sketcher;
        this.data = new Float32Array(dim * 16);
        this.sketches = new Uint32Array(words * 16);
    }
    get size() {
        return this.ids.length;
    }
    append(id, vector) {
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
    write(slot, vector) {
        this.data.set(vector, slot * this.dim);
        this.sketcher.sketchInto(vector, this.sketches, slot * this.words);
    }
    /** Swap-removes `slot`; answers the id that moved into it (or null). */
    removeAt(slot) {
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
export class InMemoryVectorIndex {
    kind = 'in-memory';
    dim;
    #words;
    #sketcher;
    #exactUpTo;
    #blocks = new Map();
    #where = new Map();
    #checkpoint = null;
    constructor(dim, options = {}) {
        this.dim = dim;
        this.#sketcher = new Sketcher(dim);
        this.#words = this.#sketcher.words;
        this.#exactUpTo = options.exactUpTo ?? DEFAULT_EXACT_UP_TO;
    }
    upsert(entries) {
        const bad = entries.find((e) => e.vector.length !== this.dim);
        if (bad)
            return Promise.reject(new RangeError(`in-memory index: vector has ${bad.vector.length} dimensions, expected ${this.dim}`));
        for (const entry of entries) {
            const at = this.#where.get(entry.id);
            if (at && at.partition === entry.partition) {
                this.#blocks.get(at.partition)?.write(at.slot, entry.vector);
                continue;
            }
            if (at)
                this.#removeOne(entry.id);
            let block = this.#blocks.get(entry.partition);
            if (!block) {
                block = new PartitionBlock(this.dim, this.#words, this.#sketcher);
                this.#blocks.set(entry.partition, block);
            }
            this.#where.set(entry.id, { partition: entry.partition, slot: block.append(entry.id, entry.vector) });
        }
        return Promise.resolve();
    }
    remove(ids) {
        for (const id of ids)
            this.#removeOne(id);
        return Promise.resolve();
    }
    search(query, options) {
        const blocks = [...new Set(options.partitions)].flatMap((p) => this.#blocks.get(p) ?? []);
        const scanned = blocks.reduce((n, b) => n + b.size, 0);
        if (options.k <= 0 || scanned === 0)
            return Promise.resolve([]);
        return Promise.resolve(scanned <= this.#exactUpTo ? this.#exact(query, blocks, options.k) : this.#sketched(query, blocks, options.k));
    }
    similarities(query, ids) {
        const out = new Map();
        for (const id of ids) {
            const at = this.#where.get(id);
            const block = at ? this.#blocks.get(at.partition) : undefined;
            if (at && block)
                out.set(id, dot(query, block.data, at.slot * this.dim, this.dim));
        }
        return Promise.resolve(out);
    }
    count() {
        return Promise.resolve(this.#where.size);
    }
    checkpoint() {
        return Promise.resolve(this.#checkpoint);
    }
    setCheckpoint(checkpoint) {
        this.#checkpoint = { ...checkpoint };
        return Promise.resolve();
    }
    clear() {
        this.#blocks.clear();
        this.#where.clear();
        this.#checkpoint = null;
        return Promise.resolve();
    }
    close() {
        return this.clear();
    }
    #exact(query, blocks, k) {
        const top = new TopK(k);
        for (const block of blocks) {
            for (let slot = 0; slot < block.size; slot++) {
                const similarity = dot(query, block.data, slot * this.dim, this.dim);
                if (similarity > top.threshold)
                    top.offer(block.ids[slot], similarity);
            }
        }
        return top.sorted();
    }
    #sketched(query, blocks, k) {
        const words = this.#words;
        const querySketch = new Uint32Array(words);
        this.#sketcher.sketchInto(query, querySketch, 0);
        // Keep the smallest Hamming distances: a TopK over their negation.
        const coarse = new TopK(Math.max(RESCORE_FACTOR * k, MIN_RESCORE));
        const where = [];
        const keyOf = new Map();
        for (const block of blocks) {
            const { sketches } = block;
            for (let slot = 0, base = 0; slot < block.size; slot++, base += words) {
                let distance = 0;
                for (let w = 0; w < words; w++)
                    distance += popcount(querySketch[w] ^ sketches[base + w]);
                if (-distance > coarse.threshold) {
                    const id = block.ids[slot];
                    keyOf.set(id, where.length);
                    where.push({ block, slot });
                    coarse.offer(id, -distance);
                }
            }
        }
        const top = new TopK(k);
        for (const hit of coarse.sorted()) {
            const at = where[keyOf.get(hit.id)];
            top.offer(hit.id, dot(query, at.block.data, at.slot * this.dim, this.dim));
        }
        return top.sorted();
    }
    #removeOne(id) {
        const at = this.#where.get(id);
        if (!at)
            return;
        const block = this.#blocks.get(at.partition);
        this.#where.delete(id);
        if (!block)
            return;
        const moved = block.removeAt(at.slot);
        if (moved !== null)
            this.#where.set(moved, { partition: at.partition, slot: at.slot });
        if (block.size === 0)
            this.#blocks.delete(at.partition);
    }
}
/** Dot product of `query` with `data[offset … offset + dim)`, four lanes for the JIT. */
function dot(query, data, offset, dim) {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let j = 0;
    for (; j + 3 < dim; j += 4) {
        a += query[j] * data[offset + j];
        b += query[j + 1] * data[offset + j + 1];
        c += query[j + 2] * data[offset + j + 2];
        d += query[j + 3] * data[offset + j + 3];
    }
    for (; j < dim; j++)
        a += query[j] * data[offset + j];
    return a + b + c + d;
}
/** Sign bits of a fixed random rotation of the vector (see the module comment). */
class Sketcher {
    words;
    #bits;
    #flips;
    #scratch;
    constructor(dim) {
        let size = 1;
        while (size < dim)
            size <<= 1;
        this.#bits = Math.min(SKETCH_BITS, size);
        this.words = Math.ceil(this.#bits / 32);
        const random = mulberry32(SKETCH_SEED ^ dim);
        const signs = () => Float32Array.from({ length: size }, () => (random() < 0.5 ? -1 : 1));
        this.#flips = [signs(), signs()];
        this.#scratch = new Float32Array(size);
    }
    sketchInto(vector, out, offset) {
        const a = this.#scratch;
        a.fill(0);
        a.set(vector);
        for (const flip of this.#flips) {
            for (let i = 0; i < a.length; i++)
                a[i] = a[i] * flip[i];
            walshHadamard(a);
        }
        for (let w = 0; w < this.words; w++) {
            let bits = 0;
            for (let b = 0; b < 32; b++) {
                const i = w * 32 + b;
                if (i < this.#bits && a[i] > 0)
                    bits |= 1 << b;
            }
            out[offset + w] = bits >>> 0;
        }
    }
}
/** In-place unnormalized fast Walsh-Hadamard transform (length a power of two). */
function walshHadamard(a) {
    for (let h = 1; h < a.length; h <<= 1) {
        for (let i = 0; i < a.length; i += h << 1) {
            for (let j = i; j < i + h; j++) {
                const x = a[j];
                const y = a[j + h];
                a[j] = x + y;
                a[j + h] = x - y;
            }
        }
    }
}
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function popcount(x) {
    let v = x - ((x >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
//# sourceMappingURL=in-memory-vector-index.js.map