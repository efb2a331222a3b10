/**
 * Aggregates over stored tasks and runs for the dashboard's figures (`GET /api/stats`, employee
 * stats, assignment success rates). Read-only; implemented once over Kysely for both dialects
 * (adapters/store/kysely-stats-repository.ts). Every figure comes from stored data, never invented.
 */
export {};
//# sourceMappingURL=stats-repository.js.map