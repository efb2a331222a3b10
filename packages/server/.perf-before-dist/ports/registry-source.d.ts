/**
 * Where the employee registry comes from: `employee-registry.json` and the Markdown role prompts
 * next to it (adapters/registry-file). Services read and watch through this port instead of the
 * file system, so they stay testable and free of node:fs.
 */
export interface RegistryChange {
    /** The registry file itself changed (written, replaced or removed). */
    registry: boolean;
    /** Prompt paths (relative to the prompts directory) that changed. */
    prompts: string[];
}
export interface RegistryWatch {
    close(): void;
}
export interface RegistrySource {
    /** The registry file's absolute path, for status and logs. */
    readonly location: string;
    /** The registry file's text, or null when the file does not exist. Other I/O errors throw. */
    readRegistry(): Promise<string | null>;
    /**
     * A prompt's text by its path relative to the prompts directory, or null when missing. Paths
     * that would leave the prompts directory are treated as missing.
     */
    readPrompt(relativePath: string): Promise<string | null>;
    /**
     * Calls `onChange` after changes settle (debounced), and `onError` when watching fails (the
     * watch is then closed). Changes are hints: the reader re-reads and validates.
     */
    watch(onChange: (change: RegistryChange) => void, onError: (err: unknown) => void): RegistryWatch;
}
