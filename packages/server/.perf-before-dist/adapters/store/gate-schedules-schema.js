/** Tables of migration 0012 (dispatch pauses, schedules), merged into StoreDatabase in schema.ts. */
export {};
//# sourceMappingURL=gate-schedules-schema.js.map