export declare const MEMORY_KEY_BYTES = 32;
export declare class MemoryCipher {
    #private;
    /** Stored with the memories; a different value means a different key. */
    readonly keyCheck: string;
    constructor(key: Buffer);
    seal(aad: string, plaintext: string): string;
    /** Throws AppError MEMORY_KEY_MISMATCH when the value was not sealed with this key (or was altered). */
    open(aad: string, sealed: string): string;
    /** The blind-index form of a normalized token: `h` + 15 hex digits (60 bits). */
    blindToken(token: string): string;
}
