/** Tables of migration 0011 (replica heartbeats), merged into StoreDatabase in schema.ts. */
export {};
//# sourceMappingURL=replicas-schema.js.map