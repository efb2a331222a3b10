/** Writes the employee registry file back to its folder (adapters/registry-file). */
export interface RegistryWriteResult {
    path: string;
    written: boolean;
    backupPath: string | null;
    sha256: string;
}
export interface RegistryWriter {
    /**
     * Replaces the registry file with `text` atomically (temp file + rename), after copying the
     * current file to a backup. Unchanged content is not written unless `force`. Throws
     * BRIDGE_REGISTRY_WRITE_FAILED with the file left as it was.
     */
    write(text: string, options: {
        force: boolean;
    }): Promise<RegistryWriteResult>;
}
