/**
 * Registry sync between the store and the `ai-employees/` folder, both ways.
 *
 *  - import: re-reads the folder (the registry service's reload: the file owns identity and
 *    structure, API edits stay on top unless `force`).
 *  - export: writes the effective registry (the file plus API edits) back to the file. Conflict
 *    rule: the folder is imported FIRST, so a change made to the file since it was last loaded is
 *    taken in, never overwritten by an older copy (its structure wins; API edits of allow-listed
 *    fields still win field by field, as on every load). An invalid file on disk stops the export
 *    (422 REGISTRY_INVALID) and nothing is written. The write is atomic with a `.bak` of the
 *    previous file; the registry's file watch then reloads the identical content.
 */
import type { RegistryExportResult, RegistryFile, RegistryReloadResult } from '@dash/shared';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { RegistryWriter } from '../../../ports/registry-writer.js';
export interface RegistrySyncDeps {
    employees: {
        reloadOrThrow(options: {
            force?: boolean;
        }): Promise<RegistryReloadResult>;
        export(): Promise<RegistryFile>;
    };
    writer: RegistryWriter;
    clock: Clock;
    logger: Logger;
}
/** The file format: two-space JSON with a final newline (what people commit). */
export declare const registryText: (registry: RegistryFile) => string;
export declare class RegistrySyncService {
    private readonly deps;
    constructor(deps: RegistrySyncDeps);
    import(options: {
        force: boolean;
    }): Promise<RegistryReloadResult>;
    export(options: {
        force: boolean;
    }): Promise<RegistryExportResult>;
}
