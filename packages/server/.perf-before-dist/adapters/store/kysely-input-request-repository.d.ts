/** InputRequestRepository over the store (table input_requests, migration 0010). */
import type { InputRequest, InputRequestStatus } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { InputRequestClose, InputRequestRepository } from '../../ports/input-request-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyInputRequestRepository implements InputRequestRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    create(r: InputRequest): Promise<InputRequest>;
    get(id: string): Promise<InputRequest | null>;
    listForRun(runId: string): Promise<InputRequest[]>;
    list(filter: {
        status?: InputRequestStatus;
        limit: number;
    }): Promise<InputRequest[]>;
    close(id: string, change: InputRequestClose): Promise<InputRequest | null>;
    closePendingForRun(runId: string, change: InputRequestClose): Promise<InputRequest[]>;
    pendingRunIds(): Promise<Set<string>>;
}
