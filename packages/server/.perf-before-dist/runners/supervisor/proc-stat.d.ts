export interface ProcStat {
    pid: number;
    state: string;
    ppid: number;
    pgrp: number;
    /** user + system CPU time in clock ticks. */
    cpuTicks: number;
    /** resident set size in pages. */
    rssPages: number;
}
export declare const hasProcFs: () => boolean;
/**
 * Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself contain
 * spaces and parentheses, so the fields are split after the LAST ')'.
 */
export declare function parseProcStat(content: string): ProcStat | null;
export declare function readProcStat(pid: number): Promise<ProcStat | null>;
/** Every process visible in /proc (entries that vanish during the scan are skipped). */
export declare function scanProcesses(): Promise<ProcStat[]>;
/** Live (non-zombie, non-dead) members of process group `pgid`. */
export declare function liveGroupMembers(pgid: number): Promise<ProcStat[]>;
/** The value of one variable in /proc/<pid>/environ, or null (gone, not ours, or unset). */
export declare function readEnvVar(pid: number, name: string): Promise<string | null>;
