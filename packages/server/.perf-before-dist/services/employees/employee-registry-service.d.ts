/**
 * The AI-employee registry: loads `employee-registry.json` and the role prompts at start, keeps
 * the store in step with the file, reloads when the files change, serves views and API edits.
 *
 * Rules:
 *  - Start: an invalid or missing file is a start-up error (AppError REGISTRY_INVALID) naming the
 *    field at fault. Nothing starts on a registry we cannot trust.
 *  - Reload (file watch, or `reload()`): a valid file replaces the registry; an invalid or missing
 *    one is logged and kept as `lastError` (with the field at fault) while the PREVIOUS registry
 *    and prompts stay in force. A later good load clears `lastError`.
 *  - Ownership: the file owns identity and structure (id, name, role, department, level, prompt
 *    file, departments, company). API edits of allow-listed fields (status, skills, slots, runtime
 *    config keys) are stored and win over the file, field by field, across reloads and restarts.
 *    `reload({ force: true })` drops every API edit so the file wins entirely. An edit that no
 *    longer fits a changed file record (e.g. `command` kept while the file left the shell runtime)
 *    is dropped for that employee and reported.
 *  - The service never writes the registry file; `export()` returns the registry in the file
 *    format with API edits applied, for an operator to commit.
 *  - Employees removed from the file are retired (kept for history, hidden from lists and 404 by id).
 *  - Used slots and stats are read from injected providers (the dispatcher, run data); absent
 *    providers mean 0 slots used and no stats, never invented numbers.
 */
import { type DepartmentView, type EmployeePrompt, type EmployeeStats, type EmployeeView, type ListEmployeesQuery, type RegistryError, type RegistryFile, type RegistryReloadResult, type RegistryStatus, type UpdateEmployeeBody } from '@dash/shared';
import { type RegistryIssue } from '../../domain/employees/registry-issues.js';
import type { Clock } from '../../ports/clock.js';
import type { EmployeeRepository, FileSyncReport } from '../../ports/employee-repository.js';
import type { Logger } from '../../ports/logger.js';
import type { RegistrySource } from '../../ports/registry-source.js';
export interface EmployeeRegistryServiceDeps {
    source: RegistrySource;
    repository: EmployeeRepository;
    clock: Clock;
    logger: Logger;
    /** Slots in use per employee (live runs), from the dispatcher. @default () => 0 */
    slotsUsed?: (employeeId: string) => number;
    /** Results measured from real runs; null = no data yet. @default () => null */
    stats?: (employeeId: string) => EmployeeStats | null | Promise<EmployeeStats | null>;
    /** Reload when the files change. @default true */
    watch?: boolean;
}
export type ReloadOutcome = {
    ok: true;
    report: FileSyncReport;
} | {
    ok: false;
    error: RegistryError;
    issues: RegistryIssue[];
};
export declare class EmployeeRegistryService {
    private readonly deps;
    private loaded;
    private lastError;
    private watchHandle;
    /** Serializes loads so a burst of changes applies in order. */
    private chain;
    private stopped;
    constructor(deps: EmployeeRegistryServiceDeps);
    /** Loads the file (or throws REGISTRY_INVALID), syncs the store, then starts watching. */
    start(): Promise<void>;
    /** Stops watching and waits for a load in progress. */
    stop(): Promise<void>;
    /**
     * Re-reads and validates the file and prompts; applies them when valid, otherwise records
     * `lastError` and keeps the previous registry. Store failures throw (and are not `lastError`:
     * the file was fine).
     */
    reload(options?: {
        force?: boolean;
    }): Promise<ReloadOutcome>;
    /** `reload()` for the API: answers the new status, or throws REGISTRY_INVALID with the fields at fault. */
    reloadOrThrow(options?: {
        force?: boolean;
    }): Promise<RegistryReloadResult>;
    status(): RegistryStatus;
    list(filter?: Partial<ListEmployeesQuery>): Promise<EmployeeView[]>;
    get(id: string): Promise<EmployeeView>;
    update(id: string, body: UpdateEmployeeBody): Promise<EmployeeView>;
    /** Departments in the file, with their current members and slot totals. */
    departments(): Promise<DepartmentView[]>;
    /** The registry in the file format, with API edits applied (to review and commit). */
    export(): Promise<RegistryFile>;
    /** The employee's role prompt, from the copy loaded with the registry in force. */
    prompt(id: string): Promise<EmployeePrompt>;
    private current;
    private view;
    /** A failing stats provider degrades to "no data" (logged); the registry stays readable. */
    private statsOf;
    private slotsUsed;
    private registry;
    private reloadFromWatch;
    private loadAndApply;
    /** Reads and checks the file and every prompt it names; touches nothing on failure. */
    private load;
}
