/** Vectors at rest: little-endian float32 bytes (the byte order of every platform we run on). */
import { endianness } from 'node:os';
if (endianness() !== 'LE')
    throw new Error('memory vectors are stored little-endian; this platform is big-endian');
export const vectorToBytes = (vector) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
/** Copies, because driver buffers may sit at offsets a Float32Array cannot start at. */
export function bytesToVector(bytes) {
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Float32Array(copy.buffer, 0, Math.floor(bytes.byteLength / 4));
}
//# sourceMappingURL=vector-bytes.js.map