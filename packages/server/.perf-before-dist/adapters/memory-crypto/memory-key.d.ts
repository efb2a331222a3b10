export declare const MEMORY_KEY_FILE_NAME = "memory.key";
/** The key bytes of a base64 text, or null when it is not exactly 32 bytes of strict base64. */
export declare function parseMemoryKey(text: string): Buffer | null;
export interface ResolvedMemoryKey {
    key: Buffer;
    /** `env`, or the key file's path. */
    source: string;
    generated: boolean;
}
export interface MemoryKeyLogger {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
}
export declare function resolveMemoryKey(options: {
    /** MEMORY_ENCRYPTION_KEY as configured (already validated), or null. */
    configured: string | null;
    keyFile: string;
    logger: MemoryKeyLogger;
}): Promise<ResolvedMemoryKey>;
