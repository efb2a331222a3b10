/** InputRequestRepository over the store (table input_requests, migration 0010). */
import type { InputRequest, InputRequestStatus } from '@dash/shared';
import type { Kysely, Selectable } from 'kysely';
import type { InputRequestClose, InputRequestRepository } from '../../ports/input-request-repository.js';
import type { InputRequestsTable } from './bridge-schema.js';
import type { StoreDatabase } from './schema.js';

const toRequest = (r: Selectable<InputRequestsTable>): InputRequest => ({
  id: r.id,
  runId: r.run_id,
  taskId: r.task_id,
  employeeId: r.employee_id,
  question: r.question,
  status: r.status,
  answer: r.answer,
  answeredBy: r.answered_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  closedAt: r.closed_at,
  kind: r.kind,
  tool: r.kind === 'tool_approval' && r.tool_name !== null ? { name: r.tool_name, input: parseInput(r.tool_input), toolUseId: r.tool_use_id } : null,
  decision: r.decision,
});

const parseInput = (text: string | null): Record<string, unknown> => {
  if (text === null) return {};
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

const closeSet = (c: InputRequestClose) => ({
  status: c.status,
  closed_at: c.closedAt,
  ...(c.answer !== undefined && { answer: c.answer }),
  ...(c.answeredBy !== undefined && { answered_by: c.answeredBy }),
  ...(c.decision !== undefined && { decision: c.decision }),
});

export class KyselyInputRequestRepository implements InputRequestRepository {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async create(r: InputRequest): Promise<InputRequest> {
    const row = await this.db
      .insertInto('input_requests')
      .values({
        id: r.id,
        run_id: r.runId,
        task_id: r.taskId,
        employee_id: r.employeeId,
        question: r.question,
        status: r.status,
        answer: r.answer,
        answered_by: r.answeredBy,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        closed_at: r.closedAt,
        kind: r.kind,
        tool_name: r.tool?.name ?? null,
        tool_input: r.tool === null ? null : JSON.stringify(r.tool.input),
        tool_use_id: r.tool?.toolUseId ?? null,
        decision: r.decision,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRequest(row);
  }

  async get(id: string): Promise<InputRequest | null> {
    const row = await this.db.selectFrom('input_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toRequest(row);
  }

  async listForRun(runId: string): Promise<InputRequest[]> {
    const rows = await this.db.selectFrom('input_requests').selectAll().where('run_id', '=', runId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toRequest);
  }

  async list(filter: { status?: InputRequestStatus; limit: number }): Promise<InputRequest[]> {
    let query = this.db.selectFrom('input_requests').selectAll();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map(toRequest);
  }

  async close(id: string, change: InputRequestClose): Promise<InputRequest | null> {
    const row = await this.db
      .updateTable('input_requests')
      .set(closeSet(change))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? null : toRequest(row);
  }

  async closePendingForRun(runId: string, change: InputRequestClose): Promise<InputRequest[]> {
    const rows = await this.db
      .updateTable('input_requests')
      .set(closeSet(change))
      .where('run_id', '=', runId)
      .where('status', '=', 'pending')
      .returningAll()
      .execute();
    return rows.map(toRequest);
  }

  async pendingRunIds(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('input_requests').select('run_id').where('status', '=', 'pending').distinct().execute();
    return new Set(rows.map((r) => r.run_id));
  }
}
