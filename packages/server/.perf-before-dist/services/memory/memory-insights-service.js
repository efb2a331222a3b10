/**
 * The read-mostly views over an employee's memories (stats, lifecycle, storage, expertise) and
 * cleanup, which archives what the retention score says is no longer worth keeping in search.
 * Nothing here decrypts content: it works on metadata.
 */
import { memoryCleanupBody, } from '@dash/shared';
import { ageBuckets, cleanupCandidates, countByType, expertiseOf, importanceBuckets, lifecycleRecommendations, } from '../../domain/memory/memory-insights.js';
import { requireMember } from './memory-members.js';
/** Per-employee storage target (the origin's 100 MB). */
export const STORAGE_TARGET_BYTES = 100 * 1024 * 1024;
/** A memory counts toward a domain when it matches lexically or its vector is at least this close. */
export const EXPERTISE_MIN_COSINE = 0.35;
const EXPERTISE_TOP = 20;
const EXPERTISE_MIN_IMPORTANCE = 6;
export class MemoryInsightsService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async stats(employeeId) {
        return this.statsOf(await requireMember(this.deps.members, employeeId));
    }
    async allStats() {
        const members = await this.deps.members.list();
        return Promise.all(members.map((m) => this.statsOf(m)));
    }
    async lifecycle(employeeId) {
        const member = await requireMember(this.deps.members, employeeId);
        const now = this.deps.clock.now();
        const all = await this.deps.repository.metaOwned(member.id);
        const active = all.filter((m) => m.archivedAt === null);
        const defaults = memoryCleanupBody.parse({});
        const candidates = cleanupCandidates(active, defaults, now).length;
        const byAge = ageBuckets(active, now);
        const byImportance = importanceBuckets(active);
        const pendingEmbeddings = await this.deps.repository.countNeedingEmbedding(this.deps.embeddings.id, member.id);
        return {
            employeeId: member.id,
            totalMemories: active.length,
            archivedMemories: all.length - active.length,
            byType: countByType(active),
            byAge,
            byImportance,
            cleanupCandidates: candidates,
            recommendations: lifecycleRecommendations({ total: active.length, candidates, old: byAge.old, pendingEmbeddings, low: byImportance.low }),
        };
    }
    async storage(employeeId) {
        const member = await requireMember(this.deps.members, employeeId);
        const figures = await this.deps.repository.storageOf(member.id);
        const totalBytes = figures.contentBytes + figures.vectorBytes;
        const utilization = (totalBytes / STORAGE_TARGET_BYTES) * 100;
        return {
            employeeId: member.id,
            department: member.department,
            role: member.role,
            ...figures,
            totalBytes,
            targetBytes: STORAGE_TARGET_BYTES,
            utilizationPercent: Math.round(utilization * 100) / 100,
            storageStatus: utilization >= 100 ? 'over_target' : utilization >= 80 ? 'warning' : 'ok',
        };
    }
    async expertise(employeeId, domain) {
        const member = await requireMember(this.deps.members, employeeId);
        const ranked = await this.deps.search.rank(member, {
            query: domain,
            ownerId: member.id,
            options: {
                topK: EXPERTISE_TOP,
                memoryTypes: ['experience', 'knowledge'],
                minImportance: EXPERTISE_MIN_IMPORTANCE,
                boostRecent: false,
                includeArchived: false,
                mode: 'hybrid',
            },
        });
        // Ranking always returns something; expertise needs evidence of the domain, not just the nearest memories.
        const relevant = ranked.filter((r) => r.parts.lexical > 0 || (r.rawVector ?? 0) >= EXPERTISE_MIN_COSINE).slice(0, EXPERTISE_TOP);
        return { employeeId: member.id, domain, ...expertiseOf(relevant.map((r) => r.meta), this.deps.clock.now()) };
    }
    async cleanup(employeeId, settings) {
        const member = await requireMember(this.deps.members, employeeId);
        return this.cleanupOf(member, settings);
    }
    async cleanupAll(settings) {
        const members = await this.deps.members.list();
        const reports = [];
        const errors = [];
        for (const member of members) {
            try {
                reports.push(await this.cleanupOf(member, settings));
            }
            catch (err) {
                const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'INTERNAL_ERROR';
                errors.push({ employeeId: member.id, code, message: err instanceof Error ? err.message : String(err) });
            }
        }
        return { reports, errors, employees: members.length };
    }
    async cleanupOf(member, settings) {
        const started = this.deps.clock.now();
        const all = await this.deps.repository.metaOwned(member.id);
        const active = all.filter((m) => m.archivedAt === null);
        const candidates = cleanupCandidates(active, settings, started);
        const chosen = candidates.slice(0, settings.maxMemoriesToArchive).map((m) => m.id);
        const archived = settings.dryRun || chosen.length === 0 ? [] : await this.deps.repository.setArchived(chosen, this.deps.clock.isoNow());
        if (archived.length > 0)
            await this.deps.sync.sync();
        return {
            employeeId: member.id,
            executionTimeMs: Math.max(0, this.deps.clock.now() - started),
            config: settings,
            analysis: { totalMemories: active.length, candidatesForArchival: candidates.length, memoriesToArchive: chosen.length },
            archival: { archivedCount: archived.length, archivedMemories: archived },
        };
    }
    async statsOf(member) {
        const all = await this.deps.repository.metaOwned(member.id);
        const active = all.filter((m) => m.archivedAt === null);
        const times = (pick) => all.map(pick).filter((t) => t !== null).sort();
        const created = times((m) => m.createdAt);
        const accessed = times((m) => m.lastAccessedAt);
        return {
            employeeId: member.id,
            role: member.role,
            department: member.department,
            totalMemories: active.length,
            archivedMemories: all.length - active.length,
            byType: countByType(active),
            byScope: {
                private: active.filter((m) => m.scope === 'private').length,
                department: active.filter((m) => m.scope === 'department').length,
                company: active.filter((m) => m.scope === 'company').length,
            },
            firstCreatedAt: created[0] ?? null,
            lastCreatedAt: created[created.length - 1] ?? null,
            lastAccessedAt: accessed[accessed.length - 1] ?? null,
            pendingEmbeddings: await this.deps.repository.countNeedingEmbedding(this.deps.embeddings.id, member.id),
        };
    }
}
//# sourceMappingURL=memory-insights-service.js.map