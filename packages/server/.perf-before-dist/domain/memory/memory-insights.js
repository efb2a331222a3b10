const DAY_MS = 24 * 3600 * 1000;
export const CRITICAL_IMPORTANCE = 9;
export const ageDays = (createdAt, nowMs) => Math.max(0, nowMs - Date.parse(createdAt)) / DAY_MS;
export function retentionScore(row, nowMs) {
    const access = Math.min(row.accessCount / 10, 1);
    const freshness = Math.max(0, 1 - ageDays(row.createdAt, nowMs) / 180);
    const shared = row.scope === 'private' ? 0 : 1;
    return 0.4 * access + 0.3 * freshness + 0.2 * (row.importance / 10) + 0.1 * shared;
}
/** Active memories that cleanup would archive, lowest retention score first. */
export function cleanupCandidates(rows, settings, nowMs) {
    return rows
        .filter((r) => r.archivedAt === null && r.importance < CRITICAL_IMPORTANCE && ageDays(r.createdAt, nowMs) > settings.ageThresholdDays)
        .map((r) => ({ r, score: retentionScore(r, nowMs) }))
        .filter((x) => x.score < settings.importanceThreshold)
        .sort((a, b) => a.score - b.score || a.r.createdAt.localeCompare(b.r.createdAt))
        .map((x) => x.r);
}
export const emptyCountsByType = () => ({ experience: 0, knowledge: 0, decision: 0, interaction: 0 });
export function countByType(rows) {
    const counts = emptyCountsByType();
    for (const r of rows)
        counts[r.type] += 1;
    return counts;
}
export function ageBuckets(rows, nowMs) {
    const out = { recent: 0, medium: 0, old: 0 };
    for (const r of rows) {
        const age = ageDays(r.createdAt, nowMs);
        if (age <= 30)
            out.recent += 1;
        else if (age <= 90)
            out.medium += 1;
        else
            out.old += 1;
    }
    return out;
}
/** 0–3 low, 4–6 medium, 7–8 high, 9–10 critical (the origin's importance scale). */
export function importanceBuckets(rows) {
    const out = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const r of rows) {
        if (r.importance >= CRITICAL_IMPORTANCE)
            out.critical += 1;
        else if (r.importance >= 7)
            out.high += 1;
        else if (r.importance >= 4)
            out.medium += 1;
        else
            out.low += 1;
    }
    return out;
}
/**
 * Expertise from the domain's most relevant experience and knowledge memories (the caller picks
 * them: the origin took the top 20 with importance ≥ 6): score = min(10, Σ importance / 10),
 * confidence = min(10, mean importance × n / 5), key skills = the 5 most frequent tags.
 */
export function expertiseOf(rows, nowMs) {
    const n = rows.length;
    const total = rows.reduce((s, r) => s + r.importance, 0);
    const tagCounts = new Map();
    for (const r of rows)
        for (const t of r.tags)
            tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    const keySkills = [...tagCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([skill, count]) => ({ skill, count }));
    return {
        expertiseScore: round1(Math.min(10, total / 10)),
        experienceCount: rows.filter((r) => r.type === 'experience').length,
        knowledgeCount: rows.filter((r) => r.type === 'knowledge').length,
        recentActivity: rows.filter((r) => ageDays(r.createdAt, nowMs) <= 30).length,
        keySkills,
        confidenceLevel: n === 0 ? 0 : round1(Math.min(10, ((total / n) * n) / 5)),
    };
}
/** Plain-language advice for the lifecycle view. */
export function lifecycleRecommendations(input) {
    const out = [];
    if (input.total === 0)
        return ['No memories yet: they are written after each task run and through the API.'];
    if (input.candidates > 0)
        out.push(`${input.candidates} old, rarely used memories can be archived (POST /api/memory/cleanup/:employeeId).`);
    if (input.old > input.total / 2)
        out.push('More than half of the memories are over 90 days old; review them for outdated knowledge.');
    if (input.low > input.total / 2)
        out.push('Most memories have low importance (0–3); consider raising the bar for what is stored.');
    if (input.pendingEmbeddings > 0)
        out.push(`${input.pendingEmbeddings} memories wait for a vector from the configured embedding provider (POST /api/memory/reembed).`);
    if (out.length === 0)
        out.push('Memory health is good: nothing to do.');
    return out;
}
const round1 = (n) => Math.round(n * 10) / 10;
//# sourceMappingURL=memory-insights.js.map