export const RANKING_WEIGHTS = { lexical: 0.5, vector: 0.4, importance: 0.05, recency: 0.05 };
/** Age at which the recency boost halves. */
export const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
export function recencyOf(createdAtMs, nowMs) {
    const ageDays = Math.max(0, nowMs - createdAtMs) / DAY_MS;
    return Math.exp((-Math.LN2 * ageDays) / RECENCY_HALF_LIFE_DAYS);
}
/** Best first; ties go to the newer memory, then by id, so results are stable. */
export function rankCandidates(candidates, options) {
    const w = options.weights ?? RANKING_WEIGHTS;
    const maxLexical = Math.max(0, ...candidates.map((c) => c.lexical ?? 0));
    const maxVector = Math.max(0, ...candidates.map((c) => c.vector ?? 0));
    const createdAt = new Map(candidates.map((c) => [c.id, c.createdAtMs]));
    const ranked = candidates.map((c) => {
        const parts = {
            lexical: maxLexical > 0 ? Math.max(0, c.lexical ?? 0) / maxLexical : 0,
            vector: maxVector > 0 ? Math.max(0, c.vector ?? 0) / maxVector : 0,
            importance: Math.min(10, Math.max(0, c.importance)) / 10,
            recency: options.boostRecent ? recencyOf(c.createdAtMs, options.nowMs) : 0,
        };
        const score = options.mode === 'lexical'
            ? parts.lexical
            : options.mode === 'vector'
                ? parts.vector
                : w.lexical * parts.lexical + w.vector * parts.vector + w.importance * parts.importance + w.recency * parts.recency;
        return { id: c.id, score: round(score), parts: { lexical: round(parts.lexical), vector: round(parts.vector), importance: parts.importance, recency: round(parts.recency) } };
    });
    return ranked.sort((a, b) => b.score - a.score || (createdAt.get(b.id) ?? 0) - (createdAt.get(a.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
const round = (n) => Math.round(n * 1e6) / 1e6;
//# sourceMappingURL=hybrid-ranking.js.map