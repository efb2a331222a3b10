import type { RegistryWriteResult, RegistryWriter } from '../../ports/registry-writer.js';
export declare class RegistryFileWriter implements RegistryWriter {
    private readonly path;
    constructor(path: string);
    write(text: string, options: {
        force: boolean;
    }): Promise<RegistryWriteResult>;
}
