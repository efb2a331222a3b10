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
import { departmentIds, } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { compactOverrides } from '../../domain/employees/employee-overrides.js';
import { toEmployeeView } from '../../domain/employees/employee-view.js';
import { parseRegistryText } from '../../domain/employees/parse-registry.js';
import { describeIssues } from '../../domain/employees/registry-issues.js';
export class EmployeeRegistryService {
    deps;
    loaded = null;
    lastError = null;
    watchHandle = null;
    /** Serializes loads so a burst of changes applies in order. */
    chain = Promise.resolve();
    stopped = false;
    constructor(deps) {
        this.deps = deps;
    }
    /** Loads the file (or throws REGISTRY_INVALID), syncs the store, then starts watching. */
    async start() {
        const outcome = await this.reload();
        if (!outcome.ok) {
            const { error } = outcome;
            throw new AppError('REGISTRY_INVALID', {
                message: `Employee registry ${this.deps.source.location} is invalid: ${error.message}`,
                fields: outcome.issues,
                details: { source: this.deps.source.location, path: error.path },
            });
        }
        if (this.deps.watch !== false) {
            this.watchHandle = this.deps.source.watch(() => void this.reloadFromWatch(), (err) => {
                this.watchHandle = null;
                this.deps.logger.error({ err, source: this.deps.source.location }, 'employee registry watch failed; changes are no longer picked up');
            });
        }
    }
    /** Stops watching and waits for a load in progress. */
    async stop() {
        this.stopped = true;
        this.watchHandle?.close();
        this.watchHandle = null;
        await this.chain.catch(() => undefined);
    }
    /**
     * Re-reads and validates the file and prompts; applies them when valid, otherwise records
     * `lastError` and keeps the previous registry. Store failures throw (and are not `lastError`:
     * the file was fine).
     */
    reload(options = {}) {
        const next = this.chain.then(() => this.loadAndApply(options.force === true));
        this.chain = next.catch(() => undefined);
        return next;
    }
    /** `reload()` for the API: answers the new status, or throws REGISTRY_INVALID with the fields at fault. */
    async reloadOrThrow(options = {}) {
        const outcome = await this.reload(options);
        if (!outcome.ok) {
            throw new AppError('REGISTRY_INVALID', {
                message: `Employee registry is invalid (previous registry kept): ${outcome.error.message}`,
                fields: outcome.issues,
                details: { source: this.deps.source.location, path: outcome.error.path },
            });
        }
        return { status: this.status(), ...outcome.report };
    }
    status() {
        return {
            sourcePath: this.deps.source.location,
            loadedAt: this.loaded?.loadedAt ?? null,
            employeeCount: this.loaded?.registry.employees.length ?? 0,
            watching: this.watchHandle !== null,
            lastError: this.lastError,
        };
    }
    async list(filter = {}) {
        const stored = await this.deps.repository.list({
            ...(filter.department !== undefined && { department: filter.department }),
            ...(filter.status !== undefined && { status: filter.status }),
            ...(filter.skill !== undefined && { skill: filter.skill }),
        });
        return Promise.all(stored.map((s) => this.view(s)));
    }
    async get(id) {
        return this.view(await this.current(id));
    }
    async update(id, body) {
        const stored = await this.deps.repository.updateFields(id, compactOverrides(body), this.deps.clock.isoNow());
        this.deps.logger.info({ employeeId: id, fields: Object.keys(compactOverrides(body)) }, 'employee edited through the API');
        return this.view(stored);
    }
    /** Departments in the file, with their current members and slot totals. */
    async departments() {
        const registry = this.registry();
        const members = await this.deps.repository.list();
        const views = [];
        for (const id of departmentIds) {
            const dept = registry.departments[id];
            if (dept === undefined)
                continue;
            const inDept = members.filter((m) => m.employee.department === id);
            views.push({
                id,
                name: dept.name,
                focus: dept.focus,
                head: inDept.some((m) => m.employee.id === dept.head) ? dept.head : null,
                employeeIds: inDept.map((m) => m.employee.id),
                slotsMax: inDept.reduce((sum, m) => sum + m.employee.maxConcurrentTasks, 0),
                slotsUsed: inDept.reduce((sum, m) => sum + this.slotsUsed(m.employee.id), 0),
            });
        }
        return views;
    }
    /** The registry in the file format, with API edits applied (to review and commit). */
    async export() {
        const registry = this.registry();
        const employees = (await this.deps.repository.list()).map((s) => s.employee);
        return { version: 1, company: registry.company, departments: registry.departments, employees };
    }
    /** The employee's role prompt, from the copy loaded with the registry in force. */
    async prompt(id) {
        const stored = await this.current(id);
        const promptFile = stored.employee.promptFile;
        const text = this.loaded?.prompts.get(promptFile);
        if (text === undefined) {
            throw new AppError('NOT_FOUND', { message: `No prompt loaded for employee ${id}`, details: { employeeId: id, promptFile } });
        }
        return { employeeId: id, promptFile, text };
    }
    async current(id) {
        const stored = await this.deps.repository.get(id);
        if (stored === null || stored.retiredAt !== null) {
            throw new AppError('NOT_FOUND', { message: `Employee ${id} not found`, details: { employeeId: id } });
        }
        return stored;
    }
    async view(stored) {
        return toEmployeeView(stored, this.slotsUsed(stored.employee.id), await this.statsOf(stored.employee.id));
    }
    /** A failing stats provider degrades to "no data" (logged); the registry stays readable. */
    async statsOf(id) {
        if (this.deps.stats === undefined)
            return null;
        try {
            return await this.deps.stats(id);
        }
        catch (err) {
            this.deps.logger.warn({ err, employeeId: id }, 'employee stats unavailable');
            return null;
        }
    }
    slotsUsed(id) {
        return this.deps.slotsUsed?.(id) ?? 0;
    }
    registry() {
        if (this.loaded === null)
            throw new AppError('SERVER_STARTING', { message: 'The employee registry is not loaded yet' });
        return this.loaded.registry;
    }
    async reloadFromWatch() {
        if (this.stopped)
            return;
        try {
            await this.reload();
        }
        catch (err) {
            this.deps.logger.error({ err, source: this.deps.source.location }, 'employee registry reload failed; previous registry kept');
        }
    }
    async loadAndApply(force) {
        const result = await this.load();
        if (!result.ok) {
            const [first] = result.issues;
            const error = {
                path: first?.path ?? '',
                message: describeIssues(result.issues),
                at: this.deps.clock.isoNow(),
            };
            this.lastError = error;
            this.deps.logger.warn({ source: this.deps.source.location, path: error.path, issues: result.issues.slice(0, 20), kept: this.loaded !== null }, 'employee registry is invalid; previous registry kept');
            return { ok: false, error, issues: result.issues };
        }
        const now = this.deps.clock.isoNow();
        const report = await this.deps.repository.upsertFromFile(result.registry.employees, { force, now });
        this.loaded = { registry: result.registry, prompts: result.prompts, loadedAt: now };
        this.lastError = null;
        this.deps.logger.info({ source: this.deps.source.location, employees: result.registry.employees.length, force, ...report }, 'employee registry loaded');
        return { ok: true, report };
    }
    /** Reads and checks the file and every prompt it names; touches nothing on failure. */
    async load() {
        const text = await this.deps.source.readRegistry();
        if (text === null)
            return { ok: false, issues: [{ path: '', message: `Registry file not found: ${this.deps.source.location}` }] };
        const parsed = parseRegistryText(text);
        if (!parsed.ok)
            return parsed;
        const prompts = new Map();
        const issues = [];
        for (const [i, e] of parsed.registry.employees.entries()) {
            if (!prompts.has(e.promptFile)) {
                const prompt = await this.deps.source.readPrompt(e.promptFile);
                if (prompt !== null && prompt.trim() !== '')
                    prompts.set(e.promptFile, prompt);
            }
            if (!prompts.has(e.promptFile)) {
                issues.push({ path: `employees.${i}.promptFile`, message: `Prompt file "${e.promptFile}" is missing or empty` });
            }
        }
        return issues.length > 0 ? { ok: false, issues } : { ok: true, registry: parsed.registry, prompts };
    }
}
//# sourceMappingURL=employee-registry-service.js.map