import { groupAlive, signalGroup } from './process-group.js';
import { hasProcFs, liveGroupMembers, readEnvVar } from './proc-stat.js';
export async function killOrphanGroup(runId, pgid, options) {
    if (!Number.isInteger(pgid) || pgid <= 1)
        return false;
    if (!hasProcFs()) {
        options.logger.warn({ runId, pgid }, 'cannot verify an orphaned agent without /proc; left alone');
        return false;
    }
    const members = await liveGroupMembers(pgid);
    const owners = await Promise.all(members.map((m) => readEnvVar(m.pid, 'DASH_RUN_ID')));
    if (!owners.includes(runId))
        return false;
    for (const signal of ['SIGTERM', 'SIGKILL']) {
        if (!signalGroup(pgid, signal))
            return true;
        options.logger.info({ runId, pgid, signal }, 'signalled orphaned agent process group');
        const deadline = Date.now() + options.graceMs;
        while (Date.now() < deadline) {
            if (!(await groupAlive(pgid)))
                return true;
            await new Promise((resolve) => setTimeout(resolve, options.pollMs));
        }
    }
    return true;
}
//# sourceMappingURL=orphan-killer.js.map