/** Compact figures: token counts, money, percentages, relative times. Pure, locale-aware digits. */

/** `950`, `12.3k`, `4.5M`. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs < 1_000) return String(Math.round(value));
  if (abs < 1_000_000) return `${trimZero((value / 1_000).toFixed(abs < 10_000 ? 2 : 1))}k`;
  return `${trimZero((value / 1_000_000).toFixed(abs < 10_000_000 ? 2 : 1))}M`;
}

const trimZero = (fixed: string): string => fixed.replace(/\.?0+$/, '');

/** `$0.0042`, `$1.23`, `$1,234.50`: small amounts keep enough digits to be non-zero. */
export function formatUsd(value: number): string {
  if (value === 0) return '$0.00';
  const digits = value < 0.01 ? 4 : 2;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** `0.873` → `87%`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** `12.3 s`, `4 min 5 s` from milliseconds. */
export function formatElapsedMs(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  if (minutes < 60) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

/** `just now`, `42 s ago`, `5 min ago`, `3 h ago` (whole units, never rounded up), else the date. */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Date and time in the user's locale. */
export function formatDateTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
