export function computeWorkload(slotsMax, slotsUsed) {
    const max = Math.max(1, Math.floor(slotsMax));
    const used = Number.isFinite(slotsUsed) ? Math.max(0, Math.floor(slotsUsed)) : 0;
    return {
        slotsMax: max,
        slotsUsed: used,
        slotsFree: Math.max(0, max - used),
        workloadPercent: Math.min(100, Math.round((used / max) * 100)),
    };
}
/** True while the employee may take more work: active and with a free slot. */
export const hasFreeSlot = (status, workload) => status === 'active' && workload.slotsFree > 0;
//# sourceMappingURL=workload.js.map