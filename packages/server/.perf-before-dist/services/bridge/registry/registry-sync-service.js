/** The file format: two-space JSON with a final newline (what people commit). */
export const registryText = (registry) => `${JSON.stringify(registry, null, 2)}\n`;
export class RegistrySyncService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    import(options) {
        return this.deps.employees.reloadOrThrow({ force: options.force });
    }
    async export(options) {
        await this.deps.employees.reloadOrThrow({});
        const registry = await this.deps.employees.export();
        const result = await this.deps.writer.write(registryText(registry), { force: options.force });
        this.deps.logger.info({ path: result.path, written: result.written, employees: registry.employees.length }, 'employee registry exported');
        return { ...result, employees: registry.employees.length, at: this.deps.clock.isoNow() };
    }
}
//# sourceMappingURL=registry-sync-service.js.map