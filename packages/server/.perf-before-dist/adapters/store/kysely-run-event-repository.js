import { AppError } from '../../domain/app-error.js';
import { isUniqueViolation } from './db-errors.js';
import { epochMsToIso } from './timestamps.js';
/** Rows per INSERT: 5 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_CHUNK_ROWS = 1000;
export class KyselyRunEventRepository {
    db;
    writer;
    constructor(db, writer = null) {
        this.db = db;
        this.writer = writer;
    }
    async append(runId, events, bytes) {
        await this.appendMany([{ runId, events, bytes }]);
    }
    async appendMany(batches) {
        const work = batches.filter((b) => b.events.length > 0);
        if (work.length === 0)
            return;
        for (const b of work)
            assertContiguous(b.runId, b.events);
        if (this.writer)
            return this.writer.appendMany(work);
        let current = null;
        try {
            await this.db.transaction().execute(async (trx) => {
                for (const { runId, events, bytes } of work) {
                    const first = events[0];
                    current = { runId, first: first.seq };
                    await appendOne(trx, runId, events, bytes);
                }
            });
        }
        catch (err) {
            // Only a writer that bypassed the row lock could get here; report it like any other clash.
            if (isUniqueViolation(err) && current) {
                const { runId, first } = current;
                throw sequenceError(runId, null, first, err);
            }
            throw err;
        }
    }
    async page(runId, options) {
        const rows = await this.db
            .selectFrom('run_events')
            .select(['run_id', 'seq', 'at', 'payload'])
            .where('run_id', '=', runId)
            .where('seq', '>', options.afterSeq)
            .orderBy('seq', 'asc')
            .limit(options.limit)
            .execute();
        return rows.map((row) => ({
            runId: row.run_id,
            seq: row.seq,
            at: row.at,
            event: JSON.parse(row.payload),
        }));
    }
    lastSeq(runId) {
        return lastSeqOf(this.db, runId);
    }
}
async function appendOne(trx, runId, events, bytes) {
    const first = events[0];
    const lastAt = events.reduce((max, e) => Math.max(max, e.at), 0);
    const bumped = await trx
        .updateTable('runs')
        .set((eb) => ({
        event_count: eb('event_count', '+', events.length),
        event_bytes: eb('event_bytes', '+', bytes),
        last_event_at: epochMsToIso(lastAt),
    }))
        .where('id', '=', runId)
        .executeTakeFirst();
    if (bumped.numUpdatedRows === 0n)
        throw new AppError('RUN_NOT_FOUND', { details: { runId } });
    const stored = await lastSeqOf(trx, runId);
    if (first.seq !== stored + 1)
        throw sequenceError(runId, stored + 1, first.seq);
    for (let i = 0; i < events.length; i += INSERT_CHUNK_ROWS) {
        await trx.insertInto('run_events').values(events.slice(i, i + INSERT_CHUNK_ROWS).map(toRow)).execute();
    }
}
async function lastSeqOf(db, runId) {
    const row = await db
        .selectFrom('run_events')
        .select((eb) => eb.fn.max('seq').as('last'))
        .where('run_id', '=', runId)
        .executeTakeFirst();
    return row?.last == null ? 0 : Number(row.last);
}
function assertContiguous(runId, events) {
    events.forEach((event, i) => {
        if (event.runId !== runId) {
            throw new AppError('CONFLICT', {
                message: `Event seq ${event.seq} belongs to run ${event.runId}, not ${runId}`,
                details: { runId, eventRunId: event.runId, seq: event.seq },
            });
        }
        const prev = events[i - 1];
        if (prev && event.seq !== prev.seq + 1)
            throw sequenceError(runId, prev.seq + 1, event.seq);
    });
}
function sequenceError(runId, expected, got, cause) {
    const want = expected === null ? 'an unused seq' : `seq ${expected}`;
    return new AppError('CONFLICT', {
        message: `Run ${runId} event log expected ${want}, got seq ${got}`,
        details: { runId, expectedSeq: expected, seq: got },
        cause,
    });
}
const toRow = (event) => ({
    run_id: event.runId,
    seq: event.seq,
    at: event.at,
    type: event.event.type,
    payload: JSON.stringify(event.event),
});
//# sourceMappingURL=kysely-run-event-repository.js.map