/** Tables of migration 0011 (replica heartbeats), merged into StoreDatabase in schema.ts. */
export interface ReplicasTable {
    node_id: string;
    role: string;
    instance: string;
    address: string | null;
    pid: number;
    started_at: string;
    last_beat_at: string;
    /** Heartbeats since this instance registered (bigint on PostgreSQL: read back as a string). */
    beats: number | string;
    /** alive | stopped | dead */
    state: string;
    ended_at: string | null;
}
export interface ReplicaTables {
    replicas: ReplicasTable;
}
