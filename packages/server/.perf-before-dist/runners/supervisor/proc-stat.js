/**
 * Reading Linux /proc: per-process state, process group, CPU ticks and resident pages. Used for
 * resource samples, for "is anything left in this process group" (zombies do not count: in a
 * container whose PID 1 reaps slowly they linger after SIGKILL) and for orphan checks.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
let procFs = null;
export const hasProcFs = () => (procFs ??= existsSync('/proc/self/stat'));
/**
 * Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself contain
 * spaces and parentheses, so the fields are split after the LAST ')'.
 */
export function parseProcStat(content) {
    const open = content.indexOf('(');
    const close = content.lastIndexOf(')');
    if (open < 0 || close < open)
        return null;
    const pid = Number(content.slice(0, open).trim());
    // Fields from 3 (state) onwards; field n is at index n - 3.
    const f = content.slice(close + 1).trim().split(/\s+/);
    const field = (n) => Number(f[n - 3]);
    const state = f[0];
    if (!Number.isInteger(pid) || state === undefined || f.length < 22)
        return null;
    return {
        pid,
        state,
        ppid: field(4),
        pgrp: field(5),
        cpuTicks: field(14) + field(15),
        rssPages: field(24),
    };
}
export async function readProcStat(pid) {
    try {
        return parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
    }
    catch {
        return null; // gone meanwhile, or not readable
    }
}
/** Every process visible in /proc (entries that vanish during the scan are skipped). */
export async function scanProcesses() {
    let entries;
    try {
        entries = await readdir('/proc');
    }
    catch {
        return [];
    }
    const pids = entries.filter((e) => /^\d+$/.test(e)).map(Number);
    const stats = await Promise.all(pids.map((pid) => readProcStat(pid)));
    return stats.filter((s) => s !== null);
}
/** Live (non-zombie, non-dead) members of process group `pgid`. */
export async function liveGroupMembers(pgid) {
    const all = await scanProcesses();
    return all.filter((s) => s.pgrp === pgid && s.state !== 'Z' && s.state !== 'X');
}
/** The value of one variable in /proc/<pid>/environ, or null (gone, not ours, or unset). */
export async function readEnvVar(pid, name) {
    try {
        const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
        const prefix = `${name}=`;
        for (const entry of environ.split('\0'))
            if (entry.startsWith(prefix))
                return entry.slice(prefix.length);
        return null;
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=proc-stat.js.map