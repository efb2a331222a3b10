import { AppError } from '../../domain/app-error.js';
import { describeTemplateIssues, parseTemplateFiles } from '../../domain/workflows/parse-templates.js';
export class WorkflowTemplateRegistry {
    deps;
    templates = new Map();
    loadedAt = null;
    lastError = null;
    watchHandle = null;
    chain = Promise.resolve();
    stopped = false;
    constructor(deps) {
        this.deps = deps;
    }
    async start() {
        const outcome = await this.reload();
        if (!outcome.ok)
            throw invalid(outcome.issues, 'Workflow templates are invalid');
        if (this.deps.watch !== false && this.loadedAt !== null) {
            try {
                this.watchHandle = this.deps.source.watch(() => void this.reloadFromWatch(), (err) => {
                    this.watchHandle = null;
                    this.deps.logger.error({ err, dir: this.deps.source.location }, 'workflow template watch failed; changes are no longer picked up');
                });
            }
            catch (err) {
                this.deps.logger.warn({ err, dir: this.deps.source.location }, 'cannot watch the workflow templates directory');
            }
        }
    }
    async stop() {
        this.stopped = true;
        this.watchHandle?.close();
        this.watchHandle = null;
        await this.chain.catch(() => undefined);
    }
    /** Re-reads every file; applies the set when valid, else records `lastError` and keeps the templates in force. */
    reload() {
        const next = this.chain.then(() => this.loadAndApply());
        this.chain = next.catch(() => undefined);
        return next;
    }
    /** `reload()` for the API: the outcome, or WORKFLOW_TEMPLATE_INVALID with the issues (previous templates kept). */
    async reloadOrThrow() {
        const outcome = await this.reload();
        if (!outcome.ok)
            throw invalid(outcome.issues, 'Workflow templates are invalid (the previous templates are kept)');
    }
    list() {
        return [...this.templates.values()].sort((a, b) => a.name.localeCompare(b.name));
    }
    get(id) {
        return this.templates.get(id) ?? null;
    }
    require(id, path = 'body.templateId') {
        const template = this.get(id);
        if (template)
            return template;
        throw new AppError('WORKFLOW_TEMPLATE_NOT_FOUND', {
            message: `No workflow template "${id}"`,
            fields: [{ path, message: `unknown template; known: ${[...this.templates.keys()].sort().join(', ') || 'none'}` }],
            details: { templateId: id },
        });
    }
    status() {
        return {
            dir: this.deps.source.location,
            loadedAt: this.loadedAt,
            count: this.templates.size,
            watching: this.watchHandle !== null,
            lastError: this.lastError,
        };
    }
    async reloadFromWatch() {
        if (this.stopped)
            return;
        try {
            await this.reload();
        }
        catch (err) {
            this.deps.logger.error({ err, dir: this.deps.source.location }, 'workflow template reload failed; previous templates kept');
        }
    }
    async loadAndApply() {
        const files = await this.deps.source.readAll();
        if (files === null) {
            this.deps.logger.info({ dir: this.deps.source.location }, 'no workflow templates directory; no templates loaded');
            this.templates = new Map();
            this.loadedAt = null;
            this.lastError = null;
            return { ok: true, count: 0 };
        }
        const parsed = parseTemplateFiles(files);
        if (!parsed.ok) {
            this.lastError = { issues: parsed.issues, at: this.deps.clock.isoNow() };
            this.deps.logger.warn({ dir: this.deps.source.location, issues: parsed.issues.slice(0, 20), kept: this.templates.size }, `workflow templates are invalid; previous templates kept: ${describeTemplateIssues(parsed.issues)}`);
            return { ok: false, issues: parsed.issues };
        }
        this.templates = new Map(parsed.templates.map((t) => [t.id, t]));
        this.loadedAt = this.deps.clock.isoNow();
        this.lastError = null;
        this.deps.logger.info({ dir: this.deps.source.location, templates: parsed.templates.map((t) => t.id) }, 'workflow templates loaded');
        return { ok: true, count: parsed.templates.length };
    }
}
function invalid(issues, prefix) {
    return new AppError('WORKFLOW_TEMPLATE_INVALID', {
        message: `${prefix}: ${describeTemplateIssues(issues)}`,
        fields: issues.map((i) => ({ path: `${i.file}:${i.path}`, message: i.phase === null ? i.message : `phase "${i.phase}": ${i.message}` })),
        details: { issues },
    });
}
//# sourceMappingURL=template-registry.js.map