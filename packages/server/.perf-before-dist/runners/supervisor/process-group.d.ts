export type GroupSignal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
/** Sends `signal` to the group; false when the group no longer exists (ESRCH). */
export declare function signalGroup(pgid: number, signal: GroupSignal | 0): boolean;
/**
 * Whether any member of the group is still running. `kill(-pgid, 0)` also succeeds while only
 * unreaped zombies remain (our PID 1 may reap orphans late), so on Linux a positive answer is
 * confirmed by looking for a non-zombie member in /proc.
 */
export declare function groupAlive(pgid: number): Promise<boolean>;
