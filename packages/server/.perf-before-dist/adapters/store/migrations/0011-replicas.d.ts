/**
 * 0011: replicas, one row per backend replica (NODE_ID): its heartbeat (a counter and the time of
 * the last beat), its state (alive, stopped, dead) and its address (services/cluster). A restarted
 * replica takes its row over with a new instance id.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0011Replicas: (dialect: StoreDialect) => Migration;
