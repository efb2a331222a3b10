import type { ProcessSample } from '../../ports/agent-supervisor.js';
export interface LiveAgent {
    runId: string;
    pid: number;
}
export declare class ProcessSampler {
    private constants;
    sample(agents: readonly LiveAgent[]): Promise<ProcessSample[]>;
    private sampleProc;
    private samplePs;
    private systemConstants;
}
/** `ps -o rss=,time=` output: RSS in KiB, then CPU time as [[dd-]hh:]mm:ss[.cc]. */
export declare function parsePsLine(output: string): {
    cpuSeconds: number;
    rssBytes: number;
} | null;
