/**
 * Samples a server process while a benchmark runs: RSS from /proc (Linux), CPU seconds, and the
 * V8 heap as the server reports it on /metrics (`nodejs_heap_size_used_bytes`), plus the
 * machine's load average, which every figure is read beside.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface ServerSample {
  /** ms since the sampler started */
  t: number;
  rssMb: number;
  heapUsedMb: number | null;
  load1: number;
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
}

/** utime + stime of a process in seconds (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function heapUsedMb(url: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)/m.exec(text);
    return match ? Number(match[1]) / 1024 / 1024 : null;
  } catch {
    return null;
  }
}

export const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Samples every `everyMs` until stop(); returns the samples. */
export function startSampler(pid: number, url: string, everyMs: number): { samples: ServerSample[]; stop(): ServerSample[] } {
  const samples: ServerSample[] = [];
  const t0 = Date.now();
  let busy = false;
  const tick = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      samples.push({ t: Date.now() - t0, rssMb: rssMb(pid), heapUsedMb: await heapUsedMb(url), load1: load1() });
    } catch {
      // the process is gone: nothing to sample
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
