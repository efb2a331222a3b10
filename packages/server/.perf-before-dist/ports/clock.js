export const systemClock = {
    now: () => Date.now(),
    isoNow: () => new Date().toISOString(),
};
//# sourceMappingURL=clock.js.map