import { groupAlive, signalGroup } from './process-group.js';
/** Escalates until the group is gone; false when it survived even SIGKILL + killWaitMs. */
export async function escalateGroup(pgid, graces, deps) {
    const steps = [
        ['SIGINT', graces.sigintGraceMs],
        ['SIGTERM', graces.sigtermGraceMs],
        ['SIGKILL', deps.killWaitMs],
    ];
    for (const [signal, waitMs] of steps) {
        if (!(await groupAlive(pgid)))
            return true;
        if (!signalGroup(pgid, signal))
            return true;
        deps.onSignal(signal, pgid);
        if (await waitGroupGone(pgid, waitMs, deps))
            return true;
    }
    return false;
}
/** SIGKILLs whatever is still alive in the group; true when something was. */
export async function killLeftovers(pgid, deps) {
    if (!(await groupAlive(pgid)))
        return false;
    if (!signalGroup(pgid, 'SIGKILL'))
        return false;
    deps.onSignal('SIGKILL', pgid);
    await waitGroupGone(pgid, deps.killWaitMs, deps);
    return true;
}
export async function waitGroupGone(pgid, waitMs, deps) {
    const deadline = deps.clock.now() + waitMs;
    for (;;) {
        if (!(await groupAlive(pgid)))
            return true;
        const left = deadline - deps.clock.now();
        if (left <= 0)
            return false;
        await new Promise((resolve) => {
            deps.timers.setTimeout(resolve, Math.min(left, deps.pollMs));
        });
    }
}
//# sourceMappingURL=group-stopper.js.map