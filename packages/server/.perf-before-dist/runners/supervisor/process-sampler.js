/**
 * CPU and memory of live agents, summed over each agent's whole process group (the CLI plus the
 * tools it runs). Linux reads /proc; elsewhere (macOS) `ps` via execFile covers the leader only.
 */
import { execFile } from 'node:child_process';
import { hasProcFs, scanProcesses } from './proc-stat.js';
export class ProcessSampler {
    constants = null;
    async sample(agents) {
        if (agents.length === 0)
            return [];
        return hasProcFs() ? this.sampleProc(agents) : this.samplePs(agents);
    }
    async sampleProc(agents) {
        const [{ clkTck, pageSize }, stats] = await Promise.all([this.systemConstants(), scanProcesses()]);
        const byGroup = new Map();
        for (const s of stats) {
            if (s.state === 'Z' || s.state === 'X')
                continue;
            const members = byGroup.get(s.pgrp);
            if (members)
                members.push(s);
            else
                byGroup.set(s.pgrp, [s]);
        }
        const samples = [];
        for (const { runId, pid } of agents) {
            const members = byGroup.get(pid);
            if (!members)
                continue; // exited since the list was taken
            let ticks = 0;
            let pages = 0;
            for (const m of members) {
                ticks += m.cpuTicks;
                pages += m.rssPages;
            }
            samples.push({ runId, pid, cpuSeconds: ticks / clkTck, rssBytes: pages * pageSize });
        }
        return samples;
    }
    async samplePs(agents) {
        const results = await Promise.all(agents.map(async ({ runId, pid }) => {
            const out = await run('ps', ['-o', 'rss=,time=', '-p', String(pid)]).catch(() => null);
            const parsed = out === null ? null : parsePsLine(out);
            return parsed ? { runId, pid, ...parsed } : null;
        }));
        return results.filter((s) => s !== null);
    }
    systemConstants() {
        this.constants ??= Promise.all([getconf('CLK_TCK', 100), getconf('PAGESIZE', 4096)]).then(([clkTck, pageSize]) => ({
            clkTck,
            pageSize,
        }));
        return this.constants;
    }
}
/** `ps -o rss=,time=` output: RSS in KiB, then CPU time as [[dd-]hh:]mm:ss[.cc]. */
export function parsePsLine(output) {
    const [rss, time] = output.trim().split(/\s+/);
    const kib = Number(rss);
    if (!Number.isFinite(kib) || time === undefined)
        return null;
    const [daysPart, clock] = time.includes('-') ? time.split('-') : ['0', time];
    const parts = (clock ?? '').split(':').map(Number);
    if (parts.some((p) => !Number.isFinite(p)))
        return null;
    const seconds = parts.reduce((acc, p) => acc * 60 + p, 0) + Number(daysPart) * 86_400;
    return { cpuSeconds: seconds, rssBytes: kib * 1024 };
}
async function getconf(name, fallback) {
    const out = await run('getconf', [name]).catch(() => '');
    const value = Number(out.trim());
    return Number.isInteger(value) && value > 0 ? value : fallback;
}
function run(command, args) {
    return new Promise((resolve, reject) => {
        execFile(command, args, { timeout: 5000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
}
//# sourceMappingURL=process-sampler.js.map