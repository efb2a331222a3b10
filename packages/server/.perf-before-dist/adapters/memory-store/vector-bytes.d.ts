export declare const vectorToBytes: (vector: Float32Array) => Buffer;
/** Copies, because driver buffers may sit at offsets a Float32Array cannot start at. */
export declare function bytesToVector(bytes: Uint8Array): Float32Array;
