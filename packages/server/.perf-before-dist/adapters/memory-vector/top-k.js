export class TopK {
    #k;
    #heap = [];
    constructor(k) {
        this.#k = Math.max(0, k);
    }
    /** The similarity an item must beat to enter (−∞ until the heap is full). */
    get threshold() {
        return this.#heap.length < this.#k ? Number.NEGATIVE_INFINITY : (this.#heap[0]?.similarity ?? Number.NEGATIVE_INFINITY);
    }
    offer(id, similarity) {
        if (this.#k === 0)
            return;
        const heap = this.#heap;
        if (heap.length < this.#k) {
            heap.push({ id, similarity });
            this.#up(heap.length - 1);
        }
        else if (similarity > (heap[0]?.similarity ?? Number.NEGATIVE_INFINITY)) {
            heap[0] = { id, similarity };
            this.#down(0);
        }
    }
    /** Best first; ties by id for stable results. */
    sorted() {
        return [...this.#heap].sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    #up(i) {
        const heap = this.#heap;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (heap[parent].similarity <= heap[i].similarity)
                return;
            [heap[parent], heap[i]] = [heap[i], heap[parent]];
            i = parent;
        }
    }
    #down(i) {
        const heap = this.#heap;
        for (;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let min = i;
            if (l < heap.length && heap[l].similarity < heap[min].similarity)
                min = l;
            if (r < heap.length && heap[r].similarity < heap[min].similarity)
                min = r;
            if (min === i)
                return;
            [heap[min], heap[i]] = [heap[i], heap[min]];
            i = min;
        }
    }
}
//# sourceMappingURL=top-k.js.map