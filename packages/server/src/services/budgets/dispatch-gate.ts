/**
 * The dispatch gate: asked by the dispatcher before it starts runs, it answers what may not get a
 * new run now, from store state (so every replica answers the same):
 *
 *  - budgets, in USD from the agents' own cost reports (runs' cost): everyone per UTC day
 *    (BUDGET_DAILY_USD), each employee per UTC day (the registry's `budgetUsdPerDay`) and each
 *    task over all its runs (the task's own `budgetUsd`, else BUDGET_TASK_USD). Reaching a limit
 *    (spent ≥ limit) stops new dispatch for that scope: nobody, that employee, that task (the
 *    task fails with TASK_BUDGET_EXCEEDED). The soft limit (limit × BUDGET_SOFT_RATIO) only
 *    shows and alerts;
 *  - pauses: a run that ended with a rate- or usage-limit error pauses its runtime until the reset
 *    time the agent reported, or for RATE_LIMIT_BACKOFF when it reported none (or a reset in the
 *    past, or further away than RATE_LIMIT_MAX_PAUSE). Its task goes back to the queue without
 *    counting the attempt (run-settlement.ts). The pause ends by itself.
 *
 * A runtime stands for the account it runs under: one deployment configures one account per
 * runtime (its API key or login), so pausing the runtime pauses that account.
 */
import type { BudgetLine, DispatchGateStatus, DispatchPause, Employee, Run, RunEvent, Task, TaskBudgetStatus } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import type { Clock } from '../../ports/clock.js';
import type { DispatchGateRepository } from '../../ports/dispatch-gate-repository.js';
import type { Logger } from '../../ports/logger.js';
import { budgetState, taskLimit, utcDayStart } from './budget-math.js';

export interface GateLimits {
  /** BUDGET_DAILY_USD; null = no global limit. */
  globalUsdPerDay: number | null;
  /** BUDGET_TASK_USD: the limit of a task without its own `budgetUsd`; null = none. */
  taskUsd: number | null;
  /** BUDGET_SOFT_RATIO, in (0, 1]. */
  softRatio: number;
  /** RATE_LIMIT_BACKOFF: the pause when the agent reported no usable reset time. */
  rateLimitBackoffMs: number;
  /** RATE_LIMIT_MAX_PAUSE: a reported reset further away than this is capped to it. */
  rateLimitMaxPauseMs: number;
}

export interface DispatchGateDeps {
  repo: DispatchGateRepository;
  /** A run's events after `afterSeq` (the end of a run is read for its reported reset time). */
  readEvents: (runId: string, afterSeq: number, limit: number) => Promise<RunEvent[]>;
  clock: Clock;
  logger: Logger;
  limits: GateLimits;
}

/** What may not get a new run now, and why (for the logs and the UI). */
export interface GateSnapshot {
  /** Why nobody may get a new run (global budget reached); null = dispatch allowed. */
  global: string | null;
  /** Employees that may not get a new run (their budget, their runtime paused). */
  blocked: ReadonlyMap<string, string>;
  /** Of those, the ones blocked by their spent budget (not a pause): their live runs may be stopped. */
  overBudget: ReadonlySet<string>;
  /** The earliest end of a pause in force (epoch ms); null = none. */
  nextResumeMs: number | null;
}

export const RATE_LIMITED_CODE = 'AGENT_RATE_LIMITED';
/** How many of a run's last events are searched for its result. */
const TAIL_EVENTS = 20;

const usd = (n: number): string => `$${n.toFixed(4).replace(/0{1,2}$/, '')}`;

export class DispatchGate {
  constructor(private readonly deps: DispatchGateDeps) {}

  get limits(): GateLimits {
    return this.deps.limits;
  }

  async snapshot(employees: readonly Employee[]): Promise<GateSnapshot> {
    const nowMs = this.deps.clock.now();
    const [pauses, costs] = await Promise.all([
      this.deps.repo.activePauses(new Date(nowMs).toISOString()),
      this.deps.repo.costSince(utcDayStart(nowMs)),
    ]);
    const { globalUsdPerDay } = this.deps.limits;
    const spentAll = costs.get('*') ?? 0;
    const global = globalUsdPerDay !== null && spentAll >= globalUsdPerDay ? `the daily budget of ${usd(globalUsdPerDay)} is spent (${usd(spentAll)} today)` : null;
    const paused = new Map(pauses.map((p) => [p.runtime, p]));
    const blocked = new Map<string, string>();
    const overBudget = new Set<string>();
    for (const e of employees) {
      const pause = paused.get(e.runtimeConfig.runtime);
      if (pause) {
        blocked.set(e.id, `${e.runtimeConfig.runtime} is paused until ${pause.until} (${pause.reason})`);
        continue;
      }
      const budget = e.runtimeConfig.budgetUsdPerDay;
      const spent = costs.get(e.id) ?? 0;
      if (budget !== null && spent >= budget) {
        blocked.set(e.id, `the daily budget of ${usd(budget)} is spent (${usd(spent)} today)`);
        overBudget.add(e.id);
      }
    }
    const ends = pauses.map((p) => Date.parse(p.until));
    return { global, blocked, overBudget, nextResumeMs: ends.length === 0 ? null : Math.min(...ends) };
  }

  /**
   * Throws TASK_BUDGET_EXCEEDED (not retryable: the task fails) when the task has spent its budget:
   * its own `budgetUsd`, else BUDGET_TASK_USD.
   */
  async checkTask(task: Pick<Task, 'id' | 'budgetUsd'>): Promise<void> {
    const { limitUsd, source } = taskLimit(task.budgetUsd, this.deps.limits.taskUsd);
    if (limitUsd === null) return;
    const spent = await this.deps.repo.taskCost(task.id);
    if (spent >= limitUsd) {
      throw new AppError('TASK_BUDGET_EXCEEDED', {
        message: `The task's runs cost ${usd(spent)}, its budget is ${usd(limitUsd)} (${source === 'task' ? "the task's own budget" : 'BUDGET_TASK_USD'})`,
        details: { taskId: task.id, spentUsd: spent, budgetUsd: limitUsd, source },
      });
    }
  }

  /** The task's spend over all its runs against its effective limit, and where that limit comes from. */
  async taskBudget(task: Pick<Task, 'id' | 'budgetUsd'>): Promise<TaskBudgetStatus> {
    const { limitUsd, source } = taskLimit(task.budgetUsd, this.deps.limits.taskUsd);
    const { softRatio } = this.deps.limits;
    const spentUsd = await this.deps.repo.taskCost(task.id);
    return {
      taskId: task.id,
      spentUsd,
      limitUsd,
      softLimitUsd: limitUsd === null ? null : limitUsd * softRatio,
      source,
      state: budgetState(spentUsd, limitUsd, softRatio),
    };
  }

  /**
   * A run ended: when it ended on a rate or usage limit, its runtime is paused and the pause is
   * returned (the caller requeues the task for when it ends); null otherwise.
   */
  async rateLimited(run: Run | null, taskId: string | null): Promise<DispatchPause | null> {
    if (run === null || run.errorCode !== RATE_LIMITED_CODE) return null;
    const result = await this.resultOf(run);
    const nowMs = this.deps.clock.now();
    const { rateLimitBackoffMs, rateLimitMaxPauseMs } = this.deps.limits;
    const reportedMs = result?.resetsAt ? Date.parse(result.resetsAt) : Number.NaN;
    const reported = Number.isFinite(reportedMs) && reportedMs > nowMs;
    const untilMs = reported ? Math.min(reportedMs, nowMs + rateLimitMaxPauseMs) : nowMs + rateLimitBackoffMs;
    const pause: DispatchPause = {
      scope: `runtime:${run.runtime}`,
      runtime: run.runtime,
      reason: result?.errorKind === 'usage_limit' ? 'usage_limit' : 'rate_limit',
      until: new Date(untilMs).toISOString(),
      reportedReset: reported,
      runId: run.id,
      taskId,
      createdAt: new Date(nowMs).toISOString(),
    };
    await this.deps.repo.pause(pause);
    this.deps.logger.warn({ runtime: run.runtime, until: pause.until, reportedReset: reported, runId: run.id }, 'runtime hit a rate or usage limit; its dispatch is paused');
    return pause;
  }

  /** Ends a pause now; false when there was none. */
  resume(scope: string): Promise<boolean> {
    return this.deps.repo.resume(scope);
  }

  /** Spend against budget (global and per employee) and the pauses in force. */
  async status(employees: readonly Employee[]): Promise<DispatchGateStatus> {
    const nowMs = this.deps.clock.now();
    const dayStart = utcDayStart(nowMs);
    const [pauses, costs] = await Promise.all([this.deps.repo.activePauses(new Date(nowMs).toISOString()), this.deps.repo.costSince(dayStart)]);
    const { softRatio, globalUsdPerDay, taskUsd } = this.deps.limits;
    const line = (scope: BudgetLine['scope'], id: string, name: string, limit: number | null): BudgetLine => {
      const spentUsd = costs.get(id) ?? 0;
      return { scope, id, name, spentUsd, limitUsd: limit, softLimitUsd: limit === null ? null : limit * softRatio, state: budgetState(spentUsd, limit, softRatio) };
    };
    return {
      day: dayStart.slice(0, 10),
      budgets: [
        line('global', '*', 'Everyone', globalUsdPerDay),
        ...employees.map((e) => line('employee', e.id, e.name, e.runtimeConfig.budgetUsdPerDay)),
      ],
      taskBudgetUsd: taskUsd,
      softRatio,
      pauses,
    };
  }

  /** The run's result event, searched among its last events; null when it has none. */
  private async resultOf(run: Run): Promise<{ errorKind: string | null; resetsAt: string | null } | null> {
    try {
      const events = await this.deps.readEvents(run.id, Math.max(0, run.eventCount - TAIL_EVENTS), TAIL_EVENTS * 2);
      for (let i = events.length - 1; i >= 0; i -= 1) {
        const e = events[i]?.event;
        if (e?.type === 'result') return { errorKind: e.errorKind, resetsAt: e.resetsAt ?? null };
      }
    } catch (err) {
      this.deps.logger.warn({ err, runId: run.id }, 'reading the end of a rate-limited run failed; using the backoff');
    }
    return null;
  }
}
