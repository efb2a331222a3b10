/** The k best (highest similarity) items seen, kept in a bounded min-heap. */
import type { VectorHit } from '../../ports/vector-index.js';

export class TopK {
  readonly #k: number;
  readonly #heap: VectorHit[] = [];

  constructor(k: number) {
    this.#k = Math.max(0, k);
  }

  /** The similarity an item must beat to enter (−∞ until the heap is full). */
  get threshold(): number {
    return this.#heap.length < this.#k ? Number.NEGATIVE_INFINITY : (this.#heap[0]?.similarity ?? Number.NEGATIVE_INFINITY);
  }

  offer(id: string, similarity: number): void {
    if (this.#k === 0) return;
    const heap = this.#heap;
    if (heap.length < this.#k) {
      heap.push({ id, similarity });
      this.#up(heap.length - 1);
    } else if (similarity > (heap[0]?.similarity ?? Number.NEGATIVE_INFINITY)) {
      heap[0] = { id, similarity };
      this.#down(0);
    }
  }

  /** Best first; ties by id for stable results. */
  sorted(): VectorHit[] {
    return [...this.#heap].sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as VectorHit).similarity <= (heap[i] as VectorHit).similarity) return;
      [heap[parent], heap[i]] = [heap[i] as VectorHit, heap[parent] as VectorHit];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && (heap[l] as VectorHit).similarity < (heap[min] as VectorHit).similarity) min = l;
      if (r < heap.length && (heap[r] as VectorHit).similarity < (heap[min] as VectorHit).similarity) min = r;
      if (min === i) return;
      [heap[min], heap[i]] = [heap[i] as VectorHit, heap[min] as VectorHit];
      i = min;
    }
  }
}
