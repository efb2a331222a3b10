/**
 * Signals to a whole process group. Agents run as group leaders (spawned `detached`), so
 * `kill(-pgid)` reaches the agent and every helper it started, even after the leader has exited.
 */
import { hasProcFs, liveGroupMembers, readProcStat } from './proc-stat.js';
/** Sends `signal` to the group; false when the group no longer exists (ESRCH). */
export function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
        return true;
    }
    catch (err) {
        if (err.code === 'ESRCH')
            return false;
        // EPERM: a member belongs to someone else (setuid helper). The group exists; keep going.
        return true;
    }
}
/**
 * Whether any member of the group is still running. `kill(-pgid, 0)` also succeeds while only
 * unreaped zombies remain (our PID 1 may reap orphans late), so on Linux a positive answer is
 * confirmed by looking for a non-zombie member in /proc.
 */
export async function groupAlive(pgid) {
    if (!signalGroup(pgid, 0))
        return false;
    if (!hasProcFs())
        return true;
    // Cheap path while the leader itself still runs; the full /proc scan only once it is gone.
    const leader = await readProcStat(pgid);
    if (leader && leader.pgrp === pgid && isLive(leader.state))
        return true;
    return (await liveGroupMembers(pgid)).length > 0;
}
const isLive = (state) => state !== 'Z' && state !== 'X';
//# sourceMappingURL=process-group.js.map