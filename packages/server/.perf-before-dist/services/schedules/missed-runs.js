export function decideDue(dueMs, nowMs, graceMs, policy, nextAfter) {
    const missed = nowMs - dueMs > graceMs;
    return { run: !missed || policy === 'run_once', missed, nextMs: nextAfter(nowMs) };
}
//# sourceMappingURL=missed-runs.js.map