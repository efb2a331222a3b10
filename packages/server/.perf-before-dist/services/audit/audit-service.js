export class AuditService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async record(entry) {
        const full = {
            id: this.deps.newId(),
            at: this.deps.clock.isoNow(),
            actorId: entry.actorId ?? null,
            actorName: entry.actorName ?? null,
            actorKind: entry.actorKind,
            action: entry.action,
            target: entry.target ?? null,
            status: entry.status ?? null,
            outcome: entry.outcome,
            ip: entry.ip ?? null,
            userAgent: entry.userAgent === undefined || entry.userAgent === null ? null : entry.userAgent.slice(0, 300),
            detail: entry.detail ?? null,
        };
        try {
            await this.deps.repo.append(full);
        }
        catch (err) {
            this.deps.logger.error({ err: err instanceof Error ? err.message : String(err), action: full.action }, 'audit log append failed');
        }
    }
    list(query) {
        return this.deps.repo.list({
            limit: query.limit,
            ...(query.actor !== undefined && { actor: query.actor }),
            ...(query.action !== undefined && { action: query.action }),
            ...(query.outcome !== undefined && { outcome: query.outcome }),
            ...(query.from !== undefined && { from: query.from }),
            ...(query.to !== undefined && { to: query.to }),
            ...(query.cursor !== undefined && { beforeSeq: query.cursor }),
        });
    }
}
//# sourceMappingURL=audit-service.js.map