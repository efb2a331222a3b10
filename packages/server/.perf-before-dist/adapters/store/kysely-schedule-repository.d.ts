/** ScheduleRepository over the store (schedules of migration 0012); same SQL on both dialects. */
import { type Schedule } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { ScheduleFire, ScheduleRepository } from '../../ports/schedule-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyScheduleRepository implements ScheduleRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    insert(schedule: Schedule): Promise<void>;
    get(id: string): Promise<Schedule | null>;
    list(): Promise<Schedule[]>;
    update(schedule: Schedule): Promise<boolean>;
    delete(id: string): Promise<boolean>;
    due(nowIso: string, limit: number): Promise<Schedule[]>;
    claimFire(id: string, fire: Omit<ScheduleFire, 'lastResult' | 'lastError'>): Promise<boolean>;
    recordOutcome(id: string, lastResult: string | null, lastError: string | null): Promise<void>;
}
