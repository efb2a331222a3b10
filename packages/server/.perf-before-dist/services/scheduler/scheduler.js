/** Runs kept per job in the store. */
export const KEPT_RUNS = 50;
/** Runs listed in a job's status. */
const LISTED_RUNS = 20;
/** setTimeout's longest delay; longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const nodeTimers = {
    set: (fn, ms) => setTimeout(fn, ms).unref(),
    clear: (handle) => clearTimeout(handle),
};
export class Scheduler {
    deps;
    #jobs = new Map();
    #timers;
    #abort = new AbortController();
    #started = false;
    constructor(deps) {
        this.deps = deps;
        this.#timers = deps.timers ?? nodeTimers;
    }
    /** Adds a job; before or after start(). Names are unique. */
    add(job) {
        if (this.#jobs.has(job.name))
            throw new Error(`scheduler: a job named ${job.name} already exists`);
        const state = { job, next: null, timer: null, running: null };
        this.#jobs.set(job.name, state);
        if (this.#started)
            void this.#begin(state);
    }
    /** Arms every job and tries to take their leader locks. */
    async start() {
        this.#started = true;
        await Promise.all([...this.#jobs.values()].map((state) => this.#begin(state)));
    }
    async stop() {
        this.#started = false;
        this.#abort.abort();
        for (const state of this.#jobs.values()) {
            this.#timers.clear(state.timer);
            state.timer = null;
        }
        await Promise.all([...this.#jobs.values()].map((s) => s.running));
        for (const state of this.#jobs.values()) {
            if (state.job.leader !== null) {
                await state.job.leader.release();
                this.deps.metrics.leading(state.job.name, false);
            }
        }
    }
    /** The job's schedule, leadership and recent runs (from the store: the same on every replica). */
    async status(name) {
        const state = this.#jobs.get(name);
        if (state === undefined)
            return null;
        const recentRuns = await this.deps.runs.recent(name, LISTED_RUNS);
        return {
            job: name,
            enabled: true,
            cron: state.job.schedule.expression,
            timezone: state.job.schedule.timezone,
            nextRunAt: state.next === null ? null : new Date(state.next).toISOString(),
            nodeId: this.deps.nodeId,
            leader: state.job.leader === null ? true : state.job.leader.isLeader,
            running: state.running !== null,
            lastRun: recentRuns[0] ?? null,
            recentRuns,
        };
    }
    async #begin(state) {
        this.#schedule(state, this.deps.clock.now());
        if (state.job.leader !== null)
            this.deps.metrics.leading(state.job.name, await state.job.leader.acquire());
    }
    /** Computes the next fire after `from` and arms the timer for it. */
    #schedule(state, from) {
        state.next = state.job.schedule.nextAfter(from);
        this.deps.metrics.nextRun(state.job.name, state.next);
        this.#arm(state);
    }
    #arm(state) {
        this.#timers.clear(state.timer);
        state.timer = null;
        if (!this.#started || state.next === null)
            return;
        const delay = Math.min(Math.max(0, state.next - this.deps.clock.now()), MAX_TIMER_MS);
        state.timer = this.#timers.set(() => this.#wake(state), delay);
    }
    #wake(state) {
        state.timer = null;
        if (!this.#started || state.next === null)
            return;
        const now = this.deps.clock.now();
        // Woken early (a wait longer than one timer allows): wait on.
        if (now < state.next)
            return this.#arm(state);
        this.#schedule(state, Math.max(now, state.next));
        if (state.running !== null) {
            this.deps.logger.warn({ job: state.job.name }, 'scheduled job still running from its previous fire; this fire is skipped');
            return;
        }
        state.running = this.#fire(state).finally(() => {
            state.running = null;
        });
    }
    async #fire(state) {
        const { job } = state;
        if (job.leader !== null) {
            const leads = await job.leader.acquire();
            this.deps.metrics.leading(job.name, leads);
            if (!leads) {
                this.deps.logger.debug({ job: job.name }, 'scheduled job skipped: another process leads');
                return;
            }
        }
        const startedMs = this.deps.clock.now();
        const startedAt = this.deps.clock.isoNow();
        let run;
        try {
            const summary = await job.run(this.#abort.signal);
            run = { job: job.name, nodeId: this.deps.nodeId, startedAt, finishedAt: this.deps.clock.isoNow(), outcome: 'succeeded', summary, error: null };
            this.deps.logger.info({ job: job.name, summary }, 'scheduled job done');
        }
        catch (err) {
            const error = err instanceof Error ? err.message : String(err);
            run = { job: job.name, nodeId: this.deps.nodeId, startedAt, finishedAt: this.deps.clock.isoNow(), outcome: 'failed', summary: null, error };
            this.deps.logger.error({ err, job: job.name }, 'scheduled job failed');
        }
        const finishedMs = this.deps.clock.now();
        this.deps.metrics.runFinished(job.name, run.outcome, Math.max(0, finishedMs - startedMs) / 1000, finishedMs);
        try {
            await this.deps.runs.record(run, KEPT_RUNS);
        }
        catch (err) {
            this.deps.logger.error({ err, job: job.name }, 'could not record the scheduled job run');
        }
    }
}
//# sourceMappingURL=scheduler.js.map