export const CLASSIFIER_ROLES = ['project_manager', 'technical_lead'];
export class Staffing {
    candidates;
    constructor(candidates) {
        this.candidates = candidates;
    }
    /** The employee for `role`, or null when nobody active or paused has it. */
    pick(role) {
        const rank = (s) => (s === 'active' ? 0 : 1);
        const pool = this.candidates
            .map((c, order) => ({ c, order }))
            .filter(({ c }) => c.role === role && (c.status === 'active' || c.status === 'paused'))
            .sort((a, b) => rank(a.c.status) - rank(b.c.status) || a.c.slotsUsed - b.c.slotsUsed || a.order - b.order);
        return pool[0]?.c ?? null;
    }
    /** Of `roles`, those nobody can take (in the order given, without repeats). */
    unstaffed(roles) {
        return [...new Set(roles)].filter((role) => this.pick(role) === null);
    }
    classifier() {
        for (const role of CLASSIFIER_ROLES) {
            const found = this.pick(role);
            if (found)
                return found;
        }
        return null;
    }
    nameOf(id) {
        return id === null ? null : (this.candidates.find((c) => c.id === id)?.name ?? null);
    }
}
//# sourceMappingURL=staffing.js.map