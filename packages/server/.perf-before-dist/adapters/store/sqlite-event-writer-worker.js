/**
 * Worker thread behind SqliteEventWriter: owns a second better-sqlite3 connection to the store's
 * file and performs event-log appends there, so the synchronous writes never block the main event
 * loop. Same rules as KyselyRunEventRepository.appendMany: one IMMEDIATE transaction for all
 * batches; per run bump the counters (RUN_NOT_FOUND when the run is missing), check the first seq
 * continues the stored max(seq) (CONFLICT otherwise), insert the rows; any failure rolls back all.
 * Plain SQL and no imports from our modules: this file runs as its own entry point (dist .js, or
 * the .ts source through tsx), and answers with serializable results only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
/** Thrown inside the transaction to roll it back and reported to the main thread as an AppError. */
class WriterFailure extends Error {
    failure;
    constructor(failure) {
        super(failure.message);
        this.failure = failure;
    }
}
const port = parentPort;
if (!port)
    throw new Error('sqlite-event-writer-worker must run as a worker thread');
const { file, busyTimeoutMs } = workerData;
const db = new Database(file);
db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
const bumpRun = db.prepare('UPDATE runs SET event_count = event_count + ?, event_bytes = event_bytes + ?, last_event_at = ? WHERE id = ?');
const maxSeq = db.prepare('SELECT max(seq) AS last FROM run_events WHERE run_id = ?');
const insertEvent = db.prepare('INSERT INTO run_events (run_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)');
// better-sqlite3 transactions are synchronous: the whole group commits or rolls back here.
const appendAll = db.transaction((batches) => {
    for (const batch of batches)
        appendOne(batch);
});
function appendOne({ runId, events, bytes }) {
    const first = events[0];
    if (!first)
        return;
    const lastAt = events.reduce((max, e) => Math.max(max, e.at), 0);
    const bumped = bumpRun.run(events.length, bytes, new Date(lastAt).toISOString(), runId);
    if (bumped.changes === 0)
        throw new WriterFailure({ code: 'RUN_NOT_FOUND', message: 'Run not found', details: { runId } });
    const stored = Number(maxSeq.get(runId)?.last ?? 0);
    if (first.seq !== stored + 1)
        throw new WriterFailure(sequenceFailure(runId, stored + 1, first.seq));
    for (const event of events) {
        try {
            insertEvent.run(runId, event.seq, event.at, event.event.type, JSON.stringify(event.event));
        }
        catch (err) {
            // Only a writer that bypassed the write lock could get here; report it like any other clash.
            if (isUniqueViolation(err))
                throw new WriterFailure(sequenceFailure(runId, null, first.seq));
            throw err;
        }
    }
}
function sequenceFailure(runId, expected, got) {
    const want = expected === null ? 'an unused seq' : `seq ${expected}`;
    return {
        code: 'CONFLICT',
        message: `Run ${runId} event log expected ${want}, got seq ${got}`,
        details: { runId, expectedSeq: expected, seq: got },
    };
}
function isUniqueViolation(err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
function toError(err) {
    if (err instanceof WriterFailure)
        return err.failure;
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
    return { code: null, message: err instanceof Error ? err.message : String(err), details: { driverCode: code ?? null } };
}
port.on('message', (request) => {
    if (request.kind === 'close') {
        db.close();
        port.postMessage({ kind: 'closed' });
        port.close();
        return;
    }
    let reply;
    try {
        appendAll.immediate(request.batches);
        reply = { kind: 'done', id: request.id, error: null };
    }
    catch (err) {
        reply = { kind: 'done', id: request.id, error: toError(err) };
    }
    port.postMessage(reply);
});
port.postMessage({ kind: 'ready' });
//# sourceMappingURL=sqlite-event-writer-worker.js.map