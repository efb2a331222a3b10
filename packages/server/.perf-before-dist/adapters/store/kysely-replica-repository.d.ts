import type { Kysely } from 'kysely';
import type { BeatResult, NewReplica, ReplicaRecord, ReplicaRepository } from '../../ports/replica-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyReplicaRepository implements ReplicaRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    register(r: NewReplica): Promise<void>;
    beat(nodeId: string, instance: string, at: string): Promise<BeatResult>;
    markStopped(nodeId: string, instance: string, at: string): Promise<void>;
    declareDead(nodeId: string, instance: string, beats: number, at: string): Promise<boolean>;
    list(): Promise<ReplicaRecord[]>;
}
