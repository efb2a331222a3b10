/** The k best (highest similarity) items seen, kept in a bounded min-heap. */
import type { VectorHit } from '../../ports/vector-index.js';
export declare class TopK {
    #private;
    constructor(k: number);
    /** The similarity an item must beat to enter (−∞ until the heap is full). */
    get threshold(): number;
    offer(id: string, similarity: number): void;
    /** Best first; ties by id for stable results. */
    sorted(): VectorHit[];
}
