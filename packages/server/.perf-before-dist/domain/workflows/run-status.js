export function deriveRunStatus(steps) {
    const failed = steps.find((s) => s.status === 'failed');
    if (failed)
        return { status: 'failed', failedStep: { key: failed.key, reason: failed.reason } };
    if (steps.length > 0 && steps.every((s) => s.status === 'completed'))
        return { status: 'completed', failedStep: null };
    if (steps.some((s) => s.status === 'awaiting_approval'))
        return { status: 'awaiting_approval', failedStep: null };
    return { status: 'running', failedStep: null };
}
//# sourceMappingURL=run-status.js.map