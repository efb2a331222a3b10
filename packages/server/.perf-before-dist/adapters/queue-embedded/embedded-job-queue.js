/**
 * The JobQueue port on the store's own database (SQLite or PostgreSQL, one `jobs` table shared by
 * several logical queues). It uses the store's Kysely instance (see storeDatabaseOf) and does not
 * own the connection: close the queue before the store.
 *
 * How the guarantees are kept:
 *  - a claim is one UPDATE … WHERE seq = (SELECT … ORDER BY priority desc, ready_at, seq LIMIT 1)
 *    RETURNING …: atomic on SQLite (a write statement holds the write lock from its start, like
 *    BEGIN IMMEDIATE) and on PostgreSQL (the sub-select takes the row FOR UPDATE SKIP LOCKED, so
 *    concurrent claimers skip each other's rows instead of queueing on them);
 *  - before each claim, leases that expired become claimable again (`waiting`, keeping their
 *    ready time, so re-deliveries go first within their priority) or, with no attempts left,
 *    `failed` with last_error 'lease expired'; the token is cleared, so the old holder is refused;
 *  - extend/complete/fail only touch a row that is still active under the caller's token; a lease
 *    that expired but that no claim has taken back yet is still honoured;
 *  - finished rows are pruned now and then (completed: 1 h / 1,000 rows per queue by default;
 *    failed: 7 days / 10,000 rows), so counts().completed and .failed stay meaningful.
 * Times come from the injected clock, so tests can drive leases and backoffs.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { systemClock } from '../../ports/clock.js';
import { assertLeaseMs, DEFAULT_RETENTION, normalizeEnqueue, retryDelayMs } from './job-options.js';
const FINISHED = ['completed', 'failed'];
export class EmbeddedJobQueue {
    kind = 'embedded';
    #db;
    #dialect;
    #queue;
    #clock;
    #retention;
    #pruneIntervalMs;
    #logger;
    #lastPruneAt = Number.NEGATIVE_INFINITY;
    #pruning = null;
    #closing = null;
    constructor(options) {
        this.#db = options.db;
        this.#dialect = options.dialect;
        this.#queue = options.queue ?? 'default';
        this.#clock = options.clock ?? systemClock;
        this.#retention = { ...DEFAULT_RETENTION, ...options.retention };
        this.#pruneIntervalMs = options.pruneIntervalMs ?? 60_000;
        this.#logger = options.logger;
    }
    async enqueue(options) {
        this.#assertOpen();
        const job = normalizeEnqueue(options);
        const now = this.#clock.now();
        const iso = this.#clock.isoNow();
        const readyAt = now + job.delayMs;
        const row = {
            queue: this.#queue,
            id: job.id,
            payload: JSON.stringify(job.payload),
            priority: job.priority,
            state: 'waiting',
            attempt: 0,
            max_attempts: job.maxAttempts,
            backoff_ms: job.backoffMs,
            ready_at: readyAt,
            first_ready_at: readyAt,
            lease_until: null,
            lease_token: null,
            worker_id: null,
            last_error: null,
            created_at: iso,
            updated_at: iso,
        };
        // A live job (waiting, delayed, active) with this id wins: no-op. A finished one is replaced.
        const { queue: _queue, id: _id, ...replace } = row;
        await this.#db
            .insertInto('jobs')
            .values(row)
            .onConflict((oc) => oc.columns(['queue', 'id']).doUpdateSet(replace).where('jobs.state', 'in', FINISHED))
            .execute();
    }
    async claim(workerId, leaseMs) {
        this.#assertOpen();
        assertLeaseMs(leaseMs);
        const now = this.#clock.now();
        const iso = this.#clock.isoNow();
        await this.#releaseExpiredLeases(now, iso);
        let next = this.#db
            .selectFrom('jobs')
            .select('seq')
            .where('queue', '=', this.#queue)
            .where('state', '=', 'waiting')
            .where('ready_at', '<=', now)
            .orderBy('priority', 'desc')
            .orderBy('ready_at')
            .orderBy('seq')
            .limit(1);
        if (this.#dialect === 'postgres')
            next = next.forUpdate().skipLocked();
        const token = randomUUID();
        const row = await this.#db
            .updateTable('jobs')
            .set((eb) => ({
            state: 'active',
            attempt: eb('attempt', '+', 1),
            lease_until: now + leaseMs,
            lease_token: token,
            worker_id: workerId,
            updated_at: iso,
        }))
            .where('seq', '=', next)
            .where('state', '=', 'waiting')
            .returning(['id', 'payload', 'priority', 'attempt', 'max_attempts', 'first_ready_at'])
            .executeTakeFirst();
        if (!row)
            return null;
        return {
            id: row.id,
            payload: JSON.parse(row.payload),
            priority: Number(row.priority),
            attempt: Number(row.attempt),
            maxAttempts: Number(row.max_attempts),
            token,
            readyAt: Number(row.first_ready_at),
        };
    }
    async extendLease(jobId, token, leaseMs) {
        this.#assertOpen();
        assertLeaseMs(leaseMs);
        const result = await this.#held(this.#db.updateTable('jobs').set({ lease_until: this.#clock.now() + leaseMs, updated_at: this.#clock.isoNow() }), jobId, token).executeTakeFirst();
        return result.numUpdatedRows === 1n;
    }
    async complete(jobId, token) {
        this.#assertOpen();
        const result = await this.#held(this.#db
            .updateTable('jobs')
            .set({ state: 'completed', lease_until: null, lease_token: null, updated_at: this.#clock.isoNow() }), jobId, token).executeTakeFirst();
        const done = result.numUpdatedRows === 1n;
        if (done)
            await this.#maybePrune();
        return done;
    }
    async fail(jobId, token, error, options) {
        this.#assertOpen();
        // attempt, max_attempts and backoff_ms only change when the job is claimed again (with a new
        // token) or replaced once finished, so what we read stays true while the guarded UPDATE holds.
        const held = await this.#db
            .selectFrom('jobs')
            .select(['attempt', 'max_attempts', 'backoff_ms'])
            .where('queue', '=', this.#queue)
            .where('id', '=', jobId)
            .where('state', '=', 'active')
            .where('lease_token', '=', token)
            .executeTakeFirst();
        if (!held)
            return false;
        const attempt = Number(held.attempt);
        const retry = options.retry && attempt < Number(held.max_attempts);
        const now = this.#clock.now();
        const update = this.#db.updateTable('jobs').set({
            state: retry ? 'waiting' : 'failed',
            ...(retry ? { ready_at: now + retryDelayMs(Number(held.backoff_ms), attempt) } : {}),
            lease_until: null,
            lease_token: null,
            last_error: error,
            updated_at: this.#clock.isoNow(),
        });
        const result = await this.#held(update, jobId, token).executeTakeFirst();
        const done = result.numUpdatedRows === 1n;
        if (done && !retry)
            await this.#maybePrune();
        return done;
    }
    async remove(jobId) {
        this.#assertOpen();
        const result = await this.#db
            .deleteFrom('jobs')
            .where('queue', '=', this.#queue)
            .where('id', '=', jobId)
            .where('state', '=', 'waiting')
            .executeTakeFirst();
        return result.numDeletedRows === 1n;
    }
    async counts() {
        this.#assertOpen();
        const now = this.#clock.now();
        const rows = await this.#db
            .selectFrom('jobs')
            .select((eb) => [
            'state',
            eb.fn.countAll().as('total'),
            sql `sum(case when ready_at > ${now} then 1 else 0 end)`.as('delayed'),
        ])
            .where('queue', '=', this.#queue)
            .groupBy('state')
            .execute();
        const counts = { waiting: 0, delayed: 0, active: 0, failed: 0, completed: 0 };
        for (const row of rows) {
            const total = Number(row.total);
            if (row.state === 'waiting') {
                counts.delayed = Number(row.delayed ?? 0);
                counts.waiting = total - counts.delayed;
            }
            else {
                counts[row.state] = total;
            }
        }
        return counts;
    }
    async ping() {
        this.#assertOpen();
        try {
            await sql `select 1`.execute(this.#db);
        }
        catch (err) {
            throw new AppError('STORE_UNAVAILABLE', { cause: err });
        }
    }
    close() {
        // The connection belongs to the store; only a prune in flight must finish first.
        this.#closing ??= (this.#pruning ?? Promise.resolve()).then(() => undefined);
        return this.#closing;
    }
    #assertOpen() {
        if (this.#closing) {
            throw new AppError('DEPENDENCY_UNAVAILABLE', { message: 'The job queue is closed', details: { queue: this.#queue } });
        }
    }
    /** Restricts an UPDATE to this job while `token` still holds it. */
    #held(query, jobId, token) {
        return query
            .where('queue', '=', this.#queue)
            .where('id', '=', jobId)
            .where('state', '=', 'active')
            .where('lease_token', '=', token);
    }
    async #releaseExpiredLeases(now, iso) {
        let expired = this.#db
            .selectFrom('jobs')
            .select('seq')
            .where('queue', '=', this.#queue)
            .where('state', '=', 'active')
            .where('lease_until', '<', now);
        // Skip rows another transaction holds: no waiting, no lock-order deadlock between claimers.
        if (this.#dialect === 'postgres')
            expired = expired.forUpdate().skipLocked();
        await this.#db
            .updateTable('jobs')
            .set({
            state: sql `case when attempt >= max_attempts then 'failed' else 'waiting' end`,
            lease_until: null,
            lease_token: null,
            last_error: 'lease expired',
            updated_at: iso,
        })
            .where('seq', 'in', expired)
            .where('state', '=', 'active')
            .execute();
    }
    async #maybePrune() {
        const now = this.#clock.now();
        if (this.#pruning || now - this.#lastPruneAt < this.#pruneIntervalMs)
            return;
        this.#lastPruneAt = now;
        this.#pruning = this.#prune(now)
            .catch((err) => this.#logger?.warn({ err, queue: this.#queue }, 'pruning finished jobs failed'))
            .finally(() => {
            this.#pruning = null;
        });
        await this.#pruning;
    }
    async #prune(now) {
        for (const state of FINISHED) {
            const { maxAgeMs, maxCount } = this.#retention[state];
            const finished = this.#db.deleteFrom('jobs').where('queue', '=', this.#queue).where('state', '=', state);
            await finished.where('updated_at', '<', new Date(now - maxAgeMs).toISOString()).execute();
            // The newest row past the limit; it and everything older goes.
            const cut = await this.#db
                .selectFrom('jobs')
                .select(['updated_at', 'seq'])
                .where('queue', '=', this.#queue)
                .where('state', '=', state)
                .orderBy('updated_at', 'desc')
                .orderBy('seq', 'desc')
                .limit(1)
                .offset(maxCount)
                .executeTakeFirst();
            if (cut) {
                await finished
                    .where((eb) => eb.or([
                    eb('updated_at', '<', cut.updated_at),
                    eb.and([eb('updated_at', '=', cut.updated_at), eb('seq', '<=', cut.seq)]),
                ]))
                    .execute();
            }
        }
    }
}
//# sourceMappingURL=embedded-job-queue.js.map