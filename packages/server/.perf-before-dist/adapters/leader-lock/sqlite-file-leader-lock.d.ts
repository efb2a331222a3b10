import type { LeaderLock } from '../../ports/leader-lock.js';
import type { Logger } from '../../ports/logger.js';
export interface SqliteFileLeaderLockOptions {
    name: string;
    /** The lock file, e.g. `${DATA_DIR}/locks/leader-memory-cleanup.lock` (its folder is created). */
    file: string;
    logger: Logger;
}
export declare class SqliteFileLeaderLock implements LeaderLock {
    #private;
    private readonly options;
    readonly name: string;
    constructor(options: SqliteFileLeaderLockOptions);
    get isLeader(): boolean;
    acquire(): Promise<boolean>;
    release(): Promise<void>;
}
