/**
 * RunEventRepository over Kysely. An append (or a group of appends for several runs) is one
 * transaction; for each run it first bumps the run's counters
 * (which also locks the run row on PostgreSQL, so concurrent appends to one run queue up), then
 * checks the batch continues the stored sequence, then inserts in chunks. Any failure rolls the
 * whole batch back, counters included.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AgentEvent, RunEvent } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type { RunEventRepository } from '../../ports/run-event-repository.js';
import { isUniqueViolation } from './db-errors.js';
import type { RunEventsTable, StoreDatabase } from './schema.js';
import { epochMsToIso } from './timestamps.js';

/** Rows per INSERT: 5 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_CHUNK_ROWS = 1000;

type AppendBatch = { runId: string; events: readonly RunEvent[]; bytes: number };

/**
 * Performs validated appends elsewhere with the same rules and errors (SqliteEventWriter: on a
 * worker thread's connection). Reads stay on `db`.
 */
export interface RunEventWriter {
  appendMany(batches: readonly AppendBatch[]): Promise<void>;
}

export class KyselyRunEventRepository implements RunEventRepository {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly writer: RunEventWriter | null = null,
  ) {}

  async append(runId: string, events: readonly RunEvent[], bytes: number): Promise<void> {
    await this.appendMany([{ runId, events, bytes }]);
  }

  async appendMany(batches: readonly AppendBatch[]): Promise<void> {
    const work = batches.filter((b) => b.events.length > 0);
    if (work.length === 0) return;
    for (const b of work) assertContiguous(b.runId, b.events);
    if (this.writer) return this.writer.appendMany(work);
    let current: { runId: string; first: number } | null = null;
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const { runId, events, bytes } of work) {
          const first = events[0] as RunEvent;
          current = { runId, first: first.seq };
          await appendOne(trx, runId, events, bytes);
        }
      });
    } catch (err) {
      // Only a writer that bypassed the row lock could get here; report it like any other clash.
      if (isUniqueViolation(err) && current) {
        const { runId, first } = current;
        throw sequenceError(runId, null, first, err);
      }
      throw err;
    }
  }

  async page(runId: string, options: { afterSeq: number; limit: number }): Promise<RunEvent[]> {
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
      event: JSON.parse(row.payload) as AgentEvent,
    }));
  }

  lastSeq(runId: string): Promise<number> {
    return lastSeqOf(this.db, runId);
  }
}

async function appendOne(trx: Transaction<StoreDatabase>, runId: string, events: readonly RunEvent[], bytes: number): Promise<void> {
  const first = events[0] as RunEvent;
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
  if (bumped.numUpdatedRows === 0n) throw new AppError('RUN_NOT_FOUND', { details: { runId } });

  const stored = await lastSeqOf(trx, runId);
  if (first.seq !== stored + 1) throw sequenceError(runId, stored + 1, first.seq);

  for (let i = 0; i < events.length; i += INSERT_CHUNK_ROWS) {
    await trx.insertInto('run_events').values(events.slice(i, i + INSERT_CHUNK_ROWS).map(toRow)).execute();
  }
}

async function lastSeqOf(db: Kysely<StoreDatabase> | Transaction<StoreDatabase>, runId: string): Promise<number> {
  const row = await db
    .selectFrom('run_events')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return row?.last == null ? 0 : Number(row.last);
}

function assertContiguous(runId: string, events: readonly RunEvent[]): void {
  events.forEach((event, i) => {
    if (event.runId !== runId) {
      throw new AppError('CONFLICT', {
        message: `Event seq ${event.seq} belongs to run ${event.runId}, not ${runId}`,
        details: { runId, eventRunId: event.runId, seq: event.seq },
      });
    }
    const prev = events[i - 1];
    if (prev && event.seq !== prev.seq + 1) throw sequenceError(runId, prev.seq + 1, event.seq);
  });
}

function sequenceError(runId: string, expected: number | null, got: number, cause?: unknown): AppError {
  const want = expected === null ? 'an unused seq' : `seq ${expected}`;
  return new AppError('CONFLICT', {
    message: `Run ${runId} event log expected ${want}, got seq ${got}`,
    details: { runId, expectedSeq: expected, seq: got },
    cause,
  });
}

const toRow = (event: RunEvent): RunEventsTable => ({
  run_id: event.runId,
  seq: event.seq,
  at: event.at,
  type: event.event.type,
  payload: JSON.stringify(event.event),
});
