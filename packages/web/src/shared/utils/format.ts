/** Human-readable figures for the UI. Pure functions, locale-neutral units. */

const durationUnits: ReadonlyArray<readonly [label: string, seconds: number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** `3 d 4 h`, `2 h`, `4 min 2 s`, `12 s`: the largest unit and, when not zero, the next one. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const index = durationUnits.findIndex(([, size]) => s >= size);
  const unit = durationUnits[index];
  if (!unit) return '0 s';
  const [label, size] = unit;
  const head = `${Math.floor(s / size)} ${label}`;
  const next = durationUnits[index + 1];
  if (!next) return head;
  const tail = Math.floor((s % size) / next[1]);
  return tail > 0 ? `${head} ${tail} ${next[0]}` : head;
}

/** `0.9 ms`, `12 ms`, `1.2 s`; an em dash when not measured. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  // Local probes (SQLite) answer in well under a millisecond: keep one decimal there.
  const tenths = Math.round(ms * 10) / 10;
  if (tenths < 10) return `${tenths.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Wall-clock time of day in the user's locale. */
export function formatClockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
