/**
 * Stopping a process group: SIGINT, then SIGTERM, then SIGKILL, each followed by a grace period
 * that ends early as soon as no live member is left. Also the plain SIGKILL for helpers an agent
 * left in its group after it exited by itself.
 */
import type { Clock } from '../../ports/clock.js';
import { type GroupSignal } from './process-group.js';
import type { Timers } from './supervisor-options.js';
export interface GroupStopperDeps {
    timers: Timers;
    clock: Clock;
    /** How often to look whether the group is gone. */
    pollMs: number;
    /** How long to wait after SIGKILL. */
    killWaitMs: number;
    /** Called right after each signal was delivered. */
    onSignal(signal: GroupSignal, pgid: number): void;
}
export interface Graces {
    sigintGraceMs: number;
    sigtermGraceMs: number;
}
/** Escalates until the group is gone; false when it survived even SIGKILL + killWaitMs. */
export declare function escalateGroup(pgid: number, graces: Graces, deps: GroupStopperDeps): Promise<boolean>;
/** SIGKILLs whatever is still alive in the group; true when something was. */
export declare function killLeftovers(pgid: number, deps: GroupStopperDeps): Promise<boolean>;
export declare function waitGroupGone(pgid: number, waitMs: number, deps: Pick<GroupStopperDeps, 'timers' | 'clock' | 'pollMs'>): Promise<boolean>;
