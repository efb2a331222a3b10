import type { RegistryChange, RegistrySource, RegistryWatch } from '../../ports/registry-source.js';
export declare const REGISTRY_FILE_NAME = "employee-registry.json";
export declare const PROMPTS_DIR_NAME = "prompts";
export interface FileRegistrySourceOptions {
    /** The directory holding the registry file and the prompts directory. */
    dir: string;
    /** @default 'employee-registry.json' */
    fileName?: string;
    /** @default 'prompts' */
    promptsDirName?: string;
    /** Quiet time before a change is reported. @default 150 */
    debounceMs?: number;
}
export declare class FileRegistrySource implements RegistrySource {
    readonly location: string;
    private readonly dir;
    private readonly fileName;
    private readonly promptsDirName;
    private readonly promptsRoot;
    private readonly debounceMs;
    constructor(options: FileRegistrySourceOptions);
    readRegistry(): Promise<string | null>;
    readPrompt(relativePath: string): Promise<string | null>;
    watch(onChange: (change: RegistryChange) => void, onError: (err: unknown) => void): RegistryWatch;
}
