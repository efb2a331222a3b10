const round = (n) => Math.round(n * 1000) / 1000;
export function durationStats(seconds) {
    if (seconds.length === 0)
        return { count: 0, avgSeconds: null, p50Seconds: null, p90Seconds: null };
    const sorted = [...seconds].sort((a, b) => a - b);
    const rank = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
    const sum = sorted.reduce((a, b) => a + b, 0);
    return { count: sorted.length, avgSeconds: round(sum / sorted.length), p50Seconds: round(rank(0.5)), p90Seconds: round(rank(0.9)) };
}
//# sourceMappingURL=duration-stats.js.map