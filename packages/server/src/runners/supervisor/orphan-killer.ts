/**
 * Killing the process group of a run left behind by an earlier server process. A pid recorded
 * before a crash may have been reused, so the group is only signalled when one of its live
 * members carries DASH_RUN_ID=<runId> in its environment (Linux /proc; elsewhere nothing is
 * killed, since ownership cannot be proven).
 */
import type { Logger } from '../../ports/logger.js';
import { groupAlive, signalGroup } from './process-group.js';
import { hasProcFs, liveGroupMembers, readEnvVar } from './proc-stat.js';

export interface OrphanKillOptions {
  /** Between SIGTERM and SIGKILL, and after SIGKILL. */
  graceMs: number;
  pollMs: number;
  logger: Logger;
}

export async function killOrphanGroup(runId: string, pgid: number, options: OrphanKillOptions): Promise<boolean> {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  if (!hasProcFs()) {
    options.logger.warn({ runId, pgid }, 'cannot verify an orphaned agent without /proc; left alone');
    return false;
  }
  const members = await liveGroupMembers(pgid);
  const owners = await Promise.all(members.map((m) => readEnvVar(m.pid, 'DASH_RUN_ID')));
  if (!owners.includes(runId)) return false;
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!signalGroup(pgid, signal)) return true;
    options.logger.info({ runId, pgid, signal }, 'signalled orphaned agent process group');
    const deadline = Date.now() + options.graceMs;
    while (Date.now() < deadline) {
      if (!(await groupAlive(pgid))) return true;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  }
  return true;
}
