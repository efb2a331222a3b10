/**
 * Derived views over an employee's memories: the retention score that drives cleanup, the
 * lifecycle distributions, and expertise in a domain. Pure functions over plain rows.
 *
 * Retention score (0–1, the origin's formula with the fields we really have):
 *   0.4·min(accessCount/10, 1) + 0.3·max(0, 1 − age/180 days) + 0.2·importance/10 + 0.1·shared
 * where shared = 1 for department or company memories. Cleanup archives memories older than the
 * age threshold whose score is under the threshold, lowest first, and never a critical one
 * (importance ≥ 9).
 */
import type { MemoryCountsByType, MemoryScope, MemoryType } from '@dash/shared';
export declare const CRITICAL_IMPORTANCE = 9;
export interface InsightRow {
    id: string;
    type: MemoryType;
    scope: MemoryScope;
    importance: number;
    tags: readonly string[];
    accessCount: number;
    createdAt: string;
    archivedAt: string | null;
}
export declare const ageDays: (createdAt: string, nowMs: number) => number;
export declare function retentionScore(row: InsightRow, nowMs: number): number;
export interface CleanupSettings {
    ageThresholdDays: number;
    importanceThreshold: number;
}
/** Active memories that cleanup would archive, lowest retention score first. */
export declare function cleanupCandidates<T extends InsightRow>(rows: readonly T[], settings: CleanupSettings, nowMs: number): T[];
export declare const emptyCountsByType: () => MemoryCountsByType;
export declare function countByType(rows: readonly InsightRow[]): MemoryCountsByType;
export declare function ageBuckets(rows: readonly InsightRow[], nowMs: number): {
    recent: number;
    medium: number;
    old: number;
};
/** 0–3 low, 4–6 medium, 7–8 high, 9–10 critical (the origin's importance scale). */
export declare function importanceBuckets(rows: readonly InsightRow[]): {
    low: number;
    medium: number;
    high: number;
    critical: number;
};
export interface Expertise {
    expertiseScore: number;
    experienceCount: number;
    knowledgeCount: number;
    recentActivity: number;
    keySkills: {
        skill: string;
        count: number;
    }[];
    confidenceLevel: number;
}
/**
 * Expertise from the domain's most relevant experience and knowledge memories (the caller picks
 * them: the origin took the top 20 with importance ≥ 6): score = min(10, Σ importance / 10),
 * confidence = min(10, mean importance × n / 5), key skills = the 5 most frequent tags.
 */
export declare function expertiseOf(rows: readonly InsightRow[], nowMs: number): Expertise;
/** Plain-language advice for the lifecycle view. */
export declare function lifecycleRecommendations(input: {
    total: number;
    candidates: number;
    old: number;
    pendingEmbeddings: number;
    low: number;
}): string[];
