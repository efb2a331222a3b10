/**
 * The CLI's commands (docs/cli.md). Each returns the process exit code; bad arguments and API
 * refusals are CliErrors (cli-error.ts). Request bodies are checked with the same zod schemas the
 * server uses, so a typo is reported before anything is sent.
 */
import { createTaskBody, isTerminalRunStatus, startWorkflowBody, task as taskSchema, taskList, workflowRun, type RunEvent, type Task } from '@dash/shared';
import { z } from 'zod';
import { ApiClient } from './api-client.js';
import { loadConfig, normalizeUrl, saveConfig } from './cli-config.js';
import { CliError, EXIT } from './cli-error.js';
import { eventLines, type Progress, type Terminal } from './output.js';
import { tailRun } from './run-tail.js';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  term: Terminal;
  /** --json: machine-readable output. */
  json: boolean;
}

/** Task statuses after which `tasks watch` stops; `completed`/`resolved` are success. */
const WATCH_END = new Set(['completed', 'resolved', 'failed', 'cancelled', 'blocked']);
const SUCCESS = new Set(['completed', 'resolved']);
const sessionSchema = z.object({ authenticated: z.boolean(), user: z.object({ username: z.string().optional(), role: z.string().optional() }).passthrough().nullable() }).passthrough();

function bodyOf<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(EXIT.usage, `invalid ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** `2.5`, `0.25`: a plain decimal (not `1e3`, `0x10` or blank, which Number() would also take); else NaN, refused by the schema. */
const usdAmount = (raw: string): number => (/^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN);

export async function login(ctx: CliContext, url: string | undefined, token: string | undefined): Promise<number> {
  if (!url || !token) throw new CliError(EXIT.usage, 'usage: dashboard login --url <server> --token <token>');
  const config = { url: normalizeUrl(url), token };
  const session = await new ApiClient(config).request('GET', '/api/auth/session', sessionSchema);
  if (!session.authenticated) throw new CliError(EXIT.auth, `${config.url} did not accept the token`);
  const path = await saveConfig(ctx.env, config);
  ctx.term.line(`Logged in to ${config.url}${session.user?.username ? ` as ${session.user.username}` : ''}; saved to ${path}`);
  return EXIT.ok;
}

const client = async (ctx: CliContext): Promise<ApiClient> => new ApiClient(await loadConfig(ctx.env));

const taskLine = (t: Task): string => `${t.id}  ${t.status.padEnd(9)}  ${t.priority.padEnd(6)}  ${(t.assignedTo ?? t.assignee ?? '-').padEnd(8)}  ${t.title}`;

export async function tasksList(ctx: CliContext, opts: { status?: string; limit?: string }): Promise<number> {
  const api = await client(ctx);
  const query = new URLSearchParams();
  if (opts.status) query.set('status', opts.status);
  query.set('limit', opts.limit ?? '50');
  const list = await api.request('GET', `/api/tasks?${query.toString()}`, taskList);
  if (ctx.json) ctx.term.line(JSON.stringify(list.items));
  else for (const t of list.items) ctx.term.line(taskLine(t));
  return EXIT.ok;
}

export async function tasksShow(ctx: CliContext, id: string | undefined): Promise<number> {
  if (!id) throw new CliError(EXIT.usage, 'usage: dashboard tasks show <taskId>');
  const t = await (await client(ctx)).request('GET', `/api/tasks/${encodeURIComponent(id)}`, taskSchema);
  if (ctx.json) ctx.term.line(JSON.stringify(t));
  else {
    ctx.term.line(taskLine(t));
    ctx.term.line(t.description);
    if (t.lastRunId) ctx.term.line(`last run: ${t.lastRunId}`);
  }
  return EXIT.ok;
}

export async function tasksCreate(ctx: CliContext, opts: { title?: string; description?: string; priority?: string; assignee?: string; label?: string[]; maxRetries?: string; budgetUsd?: string; watch?: boolean }): Promise<number> {
  const body = bodyOf(createTaskBody, {
    title: opts.title,
    description: opts.description,
    ...(opts.priority && { priority: opts.priority }),
    ...(opts.assignee && { assignee: opts.assignee }),
    ...(opts.label && opts.label.length > 0 && { labels: opts.label }),
    ...(opts.maxRetries !== undefined && { maxRetries: Number(opts.maxRetries) }),
    ...(opts.budgetUsd !== undefined && { budgetUsd: usdAmount(opts.budgetUsd) }),
  });
  const api = await client(ctx);
  const created = await api.request('POST', '/api/tasks', taskSchema, body);
  if (ctx.json && !opts.watch) ctx.term.line(JSON.stringify(created));
  else ctx.term.line(`created ${created.id} (${created.status})`);
  return opts.watch ? watchTask(ctx, api, created.id) : EXIT.ok;
}

export async function tasksWatch(ctx: CliContext, id: string | undefined): Promise<number> {
  if (!id) throw new CliError(EXIT.usage, 'usage: dashboard tasks watch <taskId>');
  return watchTask(ctx, await client(ctx), id);
}

/** Follows every run of the task in turn until the task is done; exit 0 only for completed/resolved. */
async function watchTask(ctx: CliContext, api: ApiClient, id: string): Promise<number> {
  const tailed = new Set<string>();
  for (;;) {
    const t = await api.request('GET', `/api/tasks/${encodeURIComponent(id)}`, taskSchema);
    if (t.lastRunId !== null && !tailed.has(t.lastRunId)) {
      tailed.add(t.lastRunId);
      await followRun(ctx, api, t.lastRunId, `task ${t.id}`);
      continue;
    }
    if (WATCH_END.has(t.status)) {
      ctx.term.done();
      ctx.term.line(`task ${t.id} ${t.status}`);
      return SUCCESS.has(t.status) ? EXIT.ok : EXIT.unsuccessful;
    }
    ctx.term.setProgress(`task ${t.id}`, { events: 0, tools: 0, costUsd: null, state: t.status });
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export async function runsTail(ctx: CliContext, id: string | undefined): Promise<number> {
  if (!id) throw new CliError(EXIT.usage, 'usage: dashboard runs tail <runId>');
  const run = await followRun(ctx, await client(ctx), id, `run ${id}`);
  ctx.term.done();
  ctx.term.line(`run ${id} ${run.status}`);
  return run.status === 'succeeded' ? EXIT.ok : EXIT.unsuccessful;
}

async function followRun(ctx: CliContext, api: ApiClient, runId: string, label: string): Promise<{ status: string }> {
  const progress: Progress = { events: 0, tools: 0, costUsd: null, state: 'connecting' };
  const onEvent = (e: RunEvent): void => {
    progress.events += 1;
    if (e.event.type === 'tool.call') progress.tools += 1;
    if (e.event.type === 'result' && e.event.costUsd !== null) progress.costUsd = e.event.costUsd;
    if (ctx.json) ctx.term.line(JSON.stringify(e));
    else for (const line of eventLines(e)) ctx.term.line(line);
    ctx.term.setProgress(label, progress);
  };
  const run = await tailRun(api, runId, {
    onEvent,
    onStatus: (s) => {
      progress.state = s === 'connected' ? 'live' : 'reconnecting';
      ctx.term.setProgress(label, progress);
    },
  });
  if (!isTerminalRunStatus(run.status)) throw new CliError(EXIT.api, `run ${runId} is still ${run.status}`);
  return run;
}

export async function workflowsStart(ctx: CliContext, opts: { template?: string; title?: string; request?: string; priority?: string }): Promise<number> {
  const body = bodyOf(startWorkflowBody, {
    templateId: opts.template ?? null,
    title: opts.title,
    request: opts.request,
    ...(opts.priority && { priority: opts.priority }),
  });
  const started = await (await client(ctx)).request('POST', '/api/workflows/runs', workflowRun, body);
  if (ctx.json) ctx.term.line(JSON.stringify(started));
  else ctx.term.line(`started workflow run ${started.id} (${started.status}, ${started.steps.length} steps)`);
  return EXIT.ok;
}
