/**
 * Stopping a process group: SIGINT, then SIGTERM, then SIGKILL, each followed by a grace period
 * that ends early as soon as no live member is left. Also the plain SIGKILL for helpers an agent
 * left in its group after it exited by itself.
 */
import type { Clock } from '../../ports/clock.js';
import { groupAlive, signalGroup, type GroupSignal } from './process-group.js';
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
export async function escalateGroup(pgid: number, graces: Graces, deps: GroupStopperDeps): Promise<boolean> {
  const steps: [GroupSignal, number][] = [
    ['SIGINT', graces.sigintGraceMs],
    ['SIGTERM', graces.sigtermGraceMs],
    ['SIGKILL', deps.killWaitMs],
  ];
  for (const [signal, waitMs] of steps) {
    if (!(await groupAlive(pgid))) return true;
    if (!signalGroup(pgid, signal)) return true;
    deps.onSignal(signal, pgid);
    if (await waitGroupGone(pgid, waitMs, deps)) return true;
  }
  return false;
}

/** SIGKILLs whatever is still alive in the group; true when something was. */
export async function killLeftovers(pgid: number, deps: GroupStopperDeps): Promise<boolean> {
  if (!(await groupAlive(pgid))) return false;
  if (!signalGroup(pgid, 'SIGKILL')) return false;
  deps.onSignal('SIGKILL', pgid);
  await waitGroupGone(pgid, deps.killWaitMs, deps);
  return true;
}

export async function waitGroupGone(
  pgid: number,
  waitMs: number,
  deps: Pick<GroupStopperDeps, 'timers' | 'clock' | 'pollMs'>,
): Promise<boolean> {
  const deadline = deps.clock.now() + waitMs;
  for (;;) {
    if (!(await groupAlive(pgid))) return true;
    const left = deadline - deps.clock.now();
    if (left <= 0) return false;
    await new Promise<void>((resolve) => {
      deps.timers.setTimeout(resolve, Math.min(left, deps.pollMs));
    });
  }
}
