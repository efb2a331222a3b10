/**
 * The dispatcher: one loop that decides which queued task runs next and on which employee, starts
 * its run, and records how the run ended.
 *
 * Wake-ups: a task became queued (the `tasks` topic), an employee changed (`employees`), one of
 * our runs ended, a retry is due, and a periodic tick (which also catches runs started through
 * the runs API ending, and changes made on other replicas). Passes never overlap; a wake-up
 * during a pass makes another pass follow it. Queued tasks get their job again (the sweep) at
 * start, every `sweepMs`, and at once when the queue may have lost jobs: a lease was lost, the
 * queue answers again after claims failed, or it reports a reconnect (Redis back after an outage).
 *
 * The queued work itself lives on the JobQueue (one job per queued task, see task-job.ts), so the
 * embedded queue and BullMQ behave the same and a job survives the dispatcher that held it:
 *  - claim: a job is claimed under a lease, renewed while it is parked here or its task's run is
 *    live (held-jobs.ts). If this process dies, the lease runs out and the queue delivers the job
 *    again (at-least-once); whoever claims it checks the task: still queued → dispatch; running
 *    with a run that ended or was lost → settle the task from that run; running with a run live
 *    elsewhere → watch it; anything else → the job is stale and is completed;
 *  - complete when the task's run succeeded (or the task no longer needs the job);
 *  - fail with retry when the run failed, timed out or was lost and the task has attempts left:
 *    the queue re-delivers it after its exponential backoff. Should the queue have no attempt left
 *    for the job (lease expiries count as attempts there), the task's own retry policy still
 *    decides and the job is enqueued afresh with the same delay;
 *  - fail without retry when the task fails for good.
 *
 * No head-of-line blocking (look-ahead pool): the queue hands out jobs in dispatch order
 * (priority weight desc, then queuedAt). A claimed job whose task cannot run now (its explicit
 * assignee is busy or paused, or its run is live on another replica) is parked here with its
 * lease renewed, and the dispatcher claims the next one. Each decision claims until it has taken
 * a runnable job (or the queue is dry, or LOOKAHEAD jobs are parked), then starts the best
 * runnable job of the pool, ordered by the tasks' current priority and queuedAt. Because the
 * queue is ordered, no job still in the queue can beat the runnable one just claimed, so the
 * choice is the true best among everything that can run. Nothing is claimed while no employee
 * could take work, so idle replicas do not hoard jobs.
 *
 * Assignment: the explicit assignee (when active with a free slot), else the best candidate by the
 * domain score (domain/tasks/assignment-score.ts) among active employees with a free slot; the
 * chosen employee and the score breakdown are stored on the task. The global cap
 * (MAX_CONCURRENT_PROCESSES) counts every live run on this server.
 *
 * How a run ends: succeeded → completed (result excerpt in the timeline), dependents whose
 * dependencies are all done are queued; failed/timed_out/lost → queued again after the backoff
 * while attempts remain, else failed and dependents blocked; cancelled → cancelled (dependents
 * blocked), except when this server is shutting down: then the task is queued again and the
 * interrupted attempt does not count. A run that cannot start for a reason that will not go away
 * (RUNTIME_NOT_INSTALLED, a bad working directory) fails the task at once with that code.
 *
 * Memory (run-memory.ts, optional): before a run starts, the employee's relevant memories go into
 * its prompt (bounded by a timeout; a failure is noted in the `running` timeline entry's data and
 * the run starts without them); once it started, which memories it used is recorded; after its
 * end is recorded, a memory of it is written in the background (idle() and stop() wait for it).
 *
 * Start-up: tasks recorded as running whose run ended or was reconciled as lost are settled from
 * that run (requeued or failed by their retry policy), and every queued task is enqueued again
 * (a no-op for live jobs), so nothing stays "running" and no queued task is without a job.
 */
import { errorCodes, isTerminalRunStatus, taskPriorityWeights, type Employee, type Run, type Task, type TaskAssignment } from '@dash/shared';
import { isAppError } from '../../domain/app-error.js';
import { chooseAssignee, explicitAssignment } from '../../domain/tasks/assignment-score.js';
import type { Clock } from '../../ports/clock.js';
import type { EmployeeRepository } from '../../ports/employee-repository.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { ClaimedJob, JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { TaskMetrics } from '../../ports/task-metrics.js';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { RunService } from '../runs/run-service.js';
import { EMPLOYEES_TOPIC, TASKS_TOPIC } from '../tasks/bus-topics.js';
import type { MoveOptions, TaskFlow } from '../tasks/task-flow.js';
import { taskIdOfJob } from '../tasks/task-job.js';
import { Capacity, type LiveRunRef } from './capacity.js';
import { HeldJobs, type HeldJob } from './held-jobs.js';
import { buildRunRequest } from './run-request.js';
import type { Recall, RunMemory } from './run-memory.js';
import { RunSettlement } from './run-settlement.js';
import type { DispatchGate } from '../budgets/dispatch-gate.js';

export interface DispatcherOptions {
  /** Lease of a claimed job; renewed every third of it. @default 30_000 */
  leaseMs: number;
  /** Periodic wake-up. @default 2_000 */
  tickMs: number;
  /** Base of the exponential retry backoff (the same as the jobs'). */
  retryBackoffMs: number;
  /** Most jobs parked at once (claimed, waiting for their employee). @default 64 */
  lookahead: number;
  /** How often queued tasks are enqueued again in case their job was lost. @default 60_000 */
  sweepMs: number;
  /** Claims are recorded under this worker id (the node id). */
  workerId: string;
}

export const defaultDispatcherOptions: Omit<DispatcherOptions, 'retryBackoffMs' | 'workerId'> = {
  leaseMs: 30_000,
  tickMs: 2_000,
  lookahead: 64,
  sweepMs: 60_000,
};

export interface DispatcherDeps {
  tasks: TaskRepository;
  flow: TaskFlow;
  queue: JobQueue;
  runService: Pick<RunService, 'start' | 'waitFor' | 'activeRuns' | 'drain' | 'stop'>;
  runs: Pick<RunRepository, 'get'>;
  employees: Pick<EmployeeRepository, 'list'>;
  /** The employee's role prompt from the registry in force; null when there is none. */
  rolePrompt: (employeeId: string) => Promise<string | null>;
  /** Success rate per employee with finished runs (measured, see StatsService). */
  successRates: () => Promise<ReadonlyMap<string, number>>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  metrics: TaskMetrics;
  /** MAX_CONCURRENT_PROCESSES. */
  maxConcurrent: number;
  /** Employee memory in prompts and after runs; absent = runs without memory. */
  runMemory?: RunMemory;
  /**
   * Extra context for a task's prompt (a workflow step's inputs: see services/workflows); null
   * when the task has none. A failure is logged and the run starts without it.
   */
  promptContext?: (task: Task, employee: Employee) => Promise<string | null>;
  /**
   * Scale-out: the runs active on the other replicas (from the store), so an employee's slots
   * count cluster-wide; absent = only this server's runs count. The global cap stays per replica.
   */
  clusterRuns?: () => Promise<readonly LiveRunRef[]>;
  /**
   * Budgets and rate-limit pauses (services/budgets/dispatch-gate.ts): before each pass, employees
   * it blocks get no new run (nobody does while the global budget is spent); a task over its
   * budget fails with TASK_BUDGET_EXCEEDED instead of starting; a rate-limited run end pauses its
   * runtime and requeues the task without counting the attempt. Absent = no gate.
   */
  gate?: Pick<DispatchGate, 'snapshot' | 'checkTask' | 'rateLimited'>;
  /**
   * BUDGET_STOP_RUNNING: this server's live task runs whose employee's (or everyone's) daily
   * budget is spent are stopped; their tasks go back to the queue, the attempt not counted.
   */
  stopOverBudget?: boolean;
  /** Isolated task workspaces (services/workspaces): the worktree path for the task's run, or null. */
  workspaces?: { prepare(task: Task): Promise<string | null> };
  /**
   * Scale-out self-fencing (services/cluster/replica-fence.ts): while true, no pass runs here, so
   * nothing is claimed or started, and no held job's lease is renewed (held-jobs.ts), so other
   * replicas take them over; passes resume at the next wake-up. Absent = never paused.
   */
  claimsPaused?: () => boolean;
}

interface Parked {
  held: HeldJob;
  task: Task;
  /** Claim order (see dispatchOrder). */
  claimSeq: number;
  /** Running on another replica: held only to see it through. */
  watching: boolean;
}

interface LiveTask {
  runId: string;
  held: HeldJob;
}

/**
 * Dispatch order of two parked jobs: priority weight desc, queuedAt asc, then the order they were
 * claimed in (the queue's own FIFO order for ties within a millisecond).
 */
const dispatchOrder = (a: Parked, b: Parked): number =>
  taskPriorityWeights[b.task.priority].queue - taskPriorityWeights[a.task.priority].queue ||
  (a.task.queuedAt ?? a.task.createdAt).localeCompare(b.task.queuedAt ?? b.task.createdAt) ||
  a.claimSeq - b.claimSeq;

export class Dispatcher {
  private readonly options: DispatcherOptions;
  private readonly held: HeldJobs;
  private readonly settlement: RunSettlement;
  /** Claimed jobs that could not run yet, by job id. */
  private readonly parked = new Map<string, Parked>();
  /** Tasks whose run is live on this server, by task id. */
  private readonly live = new Map<string, LiveTask>();
  private readonly settling = new Set<Promise<void>>();
  /** Memory bookkeeping in the background (uses recorded, memories written). */
  private readonly memoryWork = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribes: Array<() => void> = [];
  private readonly claimSeqs = new WeakMap<HeldJob, number>();
  private claimCounter = 0;
  private loop: Promise<void> | null = null;
  private wanted = false;
  private started = false;
  private draining = false;
  private stopping = false;
  private queueDown = false;
  private sweeping: Promise<void> | null = null;
  private sweepWanted = false;
  /** Tasks whose run this dispatcher stopped because a budget is spent, with why. */
  private readonly budgetStops = new Map<string, string>();
  /** What the gate blocked at the last pass (logged when it changes). */
  private gateNote = '';

  constructor(
    private readonly deps: DispatcherDeps,
    options: Partial<DispatcherOptions> & Pick<DispatcherOptions, 'retryBackoffMs' | 'workerId'>,
  ) {
    this.options = { ...defaultDispatcherOptions, ...options };
    // A lost lease may mean the queue lost its jobs (Redis restarted without persistence): the
    // sweep gives every queued task a job again at once rather than at the next sweep.
    // A fenced replica renews no lease either, so its jobs go to replicas that can work on them.
    this.held = new HeldJobs(
      deps.queue,
      this.options.leaseMs,
      deps.logger,
      () => this.sweepSoon(),
      () => deps.claimsPaused?.() === true,
    );
    this.settlement = new RunSettlement({
      flow: deps.flow,
      queue: deps.queue,
      held: this.held,
      metrics: deps.metrics,
      logger: deps.logger,
      retryBackoffMs: this.options.retryBackoffMs,
      onRetryScheduled: (delayMs) => this.after(delayMs, () => this.wake()),
      onRunRecorded: (task, run) => {
        const memory = this.deps.runMemory;
        if (memory) this.trackMemory(memory.remember(task, run));
      },
      ...(deps.gate && { rateLimited: (task: Task, run: Run | null) => deps.gate?.rateLimited(run, task.id) ?? Promise.resolve(null) }),
    });
  }

  /** Recovers interrupted tasks, enqueues queued ones, then starts dispatching. */
  async start(): Promise<void> {
    await this.recover();
    await this.sweep();
    this.started = true;
    this.held.start();
    this.unsubscribes.push(
      this.deps.bus.subscribe<Task | { deleted: true }>(TASKS_TOPIC, (message) => {
        if ('status' in message && message.status === 'queued') this.wake();
      }),
      this.deps.bus.subscribe(EMPLOYEES_TOPIC, () => this.wake()),
    );
    // The queue came back after an outage (BullMQ: Redis reconnected): it may have come back
    // empty, and claims made around the outage found nothing. Whether any lease was in flight to
    // notice is luck (a run that ended meanwhile only sees its complete() refused), so the sweep
    // is asked for here rather than left to the periodic one.
    const offReconnect = this.deps.queue.onReconnect?.(() => {
      this.deps.logger.info({}, 'job queue reconnected; enqueuing queued tasks again');
      this.sweepSoon();
    });
    if (offReconnect) this.unsubscribes.push(offReconnect);
    this.every(this.options.tickMs, () => this.wake());
    this.every(this.options.sweepMs, () => void this.sweep());
    this.wake();
  }

  /** Asks for a dispatch pass (coalesced: at most one runs, at most one more follows). */
  wake(): void {
    if (!this.started || this.draining) return;
    this.wanted = true;
    this.loop ??= this.runPasses();
  }

  /** Enqueues every queued task again (idempotent), e.g. once a queue that was down answers. */
  resync(): Promise<void> {
    return this.sweep();
  }

  /**
   * Runs another replica was running were just marked lost (replica recovery): their tasks are
   * settled now by their retry policy, as at start-up. Conditional writes: a watcher of the same
   * job settling too records the end once.
   */
  async recoverRuns(runs: readonly Run[]): Promise<void> {
    for (const run of runs) {
      if (run.taskId === null) continue;
      const task = await this.deps.tasks.get(run.taskId);
      if (task === null || this.live.has(task.id) || task.lastRunId !== run.id) continue;
      await this.settlement.settle(task, run, null, 'system');
    }
    this.wake();
  }

  /** Live runs of an employee on this server (the registry's `slotsUsed`). */
  slotsUsed(employeeId: string): number {
    return this.deps.runService.activeRuns().filter((r) => r.employeeId === employeeId).length;
  }

  /** Resolves once no pass is running and no ended run is being recorded (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.loop || this.settling.size > 0 || this.memoryWork.size > 0) {
      await this.loop;
      await Promise.all([...this.settling, ...this.memoryWork]);
    }
  }

  /** Drain: no new dispatches; resolves when our runs have ended by themselves, or at the deadline. */
  async drain(signal: AbortSignal): Promise<void> {
    this.draining = true;
    await this.loop;
    while ((this.live.size > 0 || this.settling.size > 0 || this.memoryWork.size > 0) && !signal.aborted) {
      await Promise.race([
        Promise.all([...this.settling, ...this.memoryWork]),
        new Promise((resolve) => setTimeout(resolve, 100)),
        new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
      ]);
    }
  }

  /**
   * Stop: runs still live are stopped (their tasks go back to the queue, the attempt not
   * counted), every ended run is recorded, parked jobs are handed back to the queue.
   */
  async stop(): Promise<void> {
    this.draining = true;
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    await this.loop;
    if (this.live.size > 0) await this.deps.runService.drain();
    while (this.settling.size > 0) await Promise.all([...this.settling]);
    while (this.memoryWork.size > 0) await Promise.all([...this.memoryWork]);
    await this.held.stop();
    for (const parked of [...this.parked.values()]) await this.handBack(parked);
    this.parked.clear();
    this.started = false;
  }

  // ---- the loop ------------------------------------------------------------------------------

  private async runPasses(): Promise<void> {
    try {
      while (this.wanted && !this.draining) {
        this.wanted = false;
        try {
          await this.pass();
        } catch (err) {
          this.deps.logger.error({ err }, 'dispatch pass failed');
        }
      }
    } finally {
      this.loop = null;
    }
  }

  private async pass(): Promise<void> {
    if (this.deps.claimsPaused?.()) return;
    const [employees, rates] = await Promise.all([this.deps.employees.list(), this.deps.successRates()]);
    const byId = new Map<string, Employee>(employees.map((s) => [s.employee.id, s.employee]));
    await this.revisitParked();
    if (!(await this.applyGate(byId))) return;
    while (!this.draining) {
      const capacity = new Capacity(byId, this.deps.runService.activeRuns(), this.deps.maxConcurrent, await this.elsewhere());
      if (!capacity.anyoneCanTake()) break;
      // Claim until we hold a runnable job: nothing left in the queue can beat it.
      while (this.parked.size < this.options.lookahead) {
        const job = await this.claim();
        if (!job) break;
        const parked = await this.accept(job, await this.deps.tasks.get(taskIdOfJob(job)));
        if (parked && this.runnable(parked, capacity)) break;
      }
      const best = [...this.parked.values()]
        .filter((p) => this.runnable(p, capacity))
        .sort(dispatchOrder)[0];
      if (!best) break;
      if (!(await this.dispatch(best, capacity, rates))) break;
    }
  }

  /**
   * Removes the employees the gate blocks (budget spent, runtime paused) from this pass; false when
   * nobody may get a new run (the global budget is spent). A gate that cannot be read blocks
   * nothing (logged): budgets are checked again at the next pass.
   */
  private async applyGate(byId: Map<string, Employee>): Promise<boolean> {
    if (!this.deps.gate) return true;
    try {
      const gate = await this.deps.gate.snapshot([...byId.values()]);
      const why = [gate.global, ...gate.blocked.values()].filter((w) => w !== null).join('; ');
      if (why !== this.gateNote) this.deps.logger.info({ blocked: [...gate.blocked.keys()], global: gate.global }, why === '' ? 'dispatch gate open' : `dispatch gate: ${why}`);
      this.gateNote = why;
      if (this.deps.stopOverBudget) this.stopOverBudget(gate.global, gate.overBudget, gate.blocked);
      if (gate.global !== null) return false;
      for (const id of gate.blocked.keys()) byId.delete(id);
    } catch (err) {
      this.deps.logger.warn({ err }, 'reading budgets and pauses failed; dispatching without them this pass');
    }
    return true;
  }

  /** Stops this server's live task runs in a scope whose budget is spent (once per run). */
  private stopOverBudget(global: string | null, overBudget: ReadonlySet<string>, why: ReadonlyMap<string, string>): void {
    for (const run of this.deps.runService.activeRuns()) {
      if (run.taskId === null || !this.live.has(run.taskId) || this.budgetStops.has(run.taskId)) continue;
      const employee = run.employeeId;
      const reason = global ?? (employee !== null && overBudget.has(employee) ? (why.get(employee) ?? 'the budget is spent') : null);
      if (reason === null) continue;
      this.budgetStops.set(run.taskId, `Stopped: ${reason}`);
      this.deps.logger.warn({ taskId: run.taskId, runId: run.id, reason }, 'stopping a run: its budget is spent (BUDGET_STOP_RUNNING)');
      void this.deps.runService.stop(run.id).catch((err: unknown) => this.deps.logger.warn({ err, runId: run.id }, 'stopping an over-budget run failed'));
    }
  }

  private runnable(parked: Parked, capacity: Capacity): boolean {
    if (parked.watching || parked.task.status !== 'queued') return false;
    const assignee = parked.task.assignee;
    return assignee === null ? capacity.anyoneCanTake() : capacity.canTake(assignee);
  }

  private claimSeqOf(held: HeldJob): number {
    let seq = this.claimSeqs.get(held);
    if (seq === undefined) {
      seq = ++this.claimCounter;
      this.claimSeqs.set(held, seq);
    }
    return seq;
  }

  private async claim(): Promise<ClaimedJob | null> {
    try {
      const job = await this.deps.queue.claim(this.options.workerId, this.options.leaseMs);
      if (this.queueDown) {
        this.deps.logger.info({}, 'job queue answers again; dispatching');
        this.sweepSoon();
      }
      this.queueDown = false;
      return job;
    } catch (err) {
      if (!this.queueDown) this.deps.logger.warn({ err }, 'claiming from the job queue failed; dispatch waits for the queue');
      this.queueDown = true;
      return null;
    }
  }

  /** Re-reads the tasks of parked jobs: they may have been cancelled, edited or settled meanwhile. */
  private async revisitParked(): Promise<void> {
    if (this.parked.size === 0) return;
    const entries = [...this.parked.values()];
    const tasks = new Map((await this.deps.tasks.getMany(entries.map((p) => p.task.id))).map((t) => [t.id, t]));
    for (const entry of entries) {
      this.parked.delete(entry.held.job.id);
      if (!entry.held.held) continue; // lease lost: the queue has it again
      await this.accept(entry.held.job, tasks.get(entry.task.id) ?? null, entry.held);
    }
  }

  /**
   * What a claimed job means given its task now. Returns the parked entry when the job stays here
   * (queued, or watched), null when it was finished, adopted or handed on.
   */
  private async accept(job: ClaimedJob, task: Task | null, existing?: HeldJob): Promise<Parked | null> {
    const held = existing ?? this.held.hold(job);
    try {
      return await this.acceptHeld(job, task, held);
    } catch (err) {
      // Contract: a job we hold is parked, live, or finished. A store/queue error half-way (the
      // run read, the settle's writes) leaves none of these, so the hold is abandoned: its lease
      // runs out and the queue delivers the job again to whoever re-checks the task then.
      this.deps.logger.warn({ err, jobId: job.id }, 'checking a claimed task job failed; letting its lease run out');
      this.held.abandon(held);
      return null;
    }
  }

  private async acceptHeld(job: ClaimedJob, task: Task | null, held: HeldJob): Promise<Parked | null> {
    if (task === null) {
      await this.settlement.endJob(held, 'complete');
      return null;
    }
    if (task.status === 'queued') {
      const parked = { held, task, watching: false, claimSeq: this.claimSeqOf(held) };
      this.parked.set(job.id, parked);
      return parked;
    }
    if (task.status !== 'running') {
      await this.settlement.endJob(held, 'complete');
      return null;
    }
    const live = this.live.get(task.id);
    if (live) {
      // Our own run: we lost the lease and got the job back. The new token is the one that counts.
      if (live.held !== held) live.held.held = false;
      live.held = held;
      return null;
    }
    const run = task.lastRunId === null ? null : await this.deps.runs.get(task.lastRunId);
    if (run === null || isTerminalRunStatus(run.status)) {
      // Its dispatcher died before recording how the run ended (or the run was reconciled as lost).
      await this.settlement.settle(task, run, held, 'system');
      return null;
    }
    const parked = { held, task, watching: true, claimSeq: this.claimSeqOf(held) };
    this.parked.set(job.id, parked);
    return parked;
  }

  /** Starts the task's run; false when nothing more can start in this pass. */
  private async dispatch(parked: Parked, capacity: Capacity, rates: ReadonlyMap<string, number>): Promise<boolean> {
    const { task, held } = parked;
    const now = this.deps.clock.isoNow();
    const rate = (id: string): number | null => rates.get(id) ?? null;
    let employee: Employee | undefined;
    let assignment: TaskAssignment;
    if (task.assignee !== null) {
      employee = capacity.employee(task.assignee);
      const scoring = capacity.scoringEmployees().find((e) => e.id === task.assignee);
      if (!employee || !scoring) return false;
      assignment = explicitAssignment(scoring, task, { successRate: rate(employee.id) }, now);
    } else {
      const choice = chooseAssignee(capacity.scoringEmployees(), task, rate, now);
      employee = choice ? capacity.employee(choice.employeeId) : undefined;
      if (!choice || !employee) return false;
      assignment = choice.assignment;
    }
    const attempts = task.attempts + 1;
    const patch = { assignedTo: employee.id, assignment, attempts };
    const assigned = `Assigned to ${employee.name} (${employee.id}, ${assignment.mode})`;
    const facts = { employeeId: employee.id, mode: assignment.mode, score: assignment.score?.total ?? null, attempt: attempts };

    let run: Run;
    let recall: Recall | null = null;
    try {
      const rolePrompt = await this.deps.rolePrompt(employee.id).catch(() => null);
      await this.deps.gate?.checkTask(task);
      recall = (await this.deps.runMemory?.recall(task, employee.id)) ?? null;
      const context = await this.contextOf(task, employee);
      const request = buildRunRequest(task, employee, rolePrompt, recall?.section ?? null, context);
      // An isolated workspace (git worktree) is the agent's cwd; created (and set up) here on first use.
      const workspace = (await this.deps.workspaces?.prepare(task)) ?? null;
      run = await this.deps.runService.start(workspace === null ? request : { ...request, cwd: workspace });
    } catch (err) {
      return this.startFailed(parked, err, { patch, assigned, facts });
    }
    const memoryFacts = recall?.note ? { memory: recall.note } : {};
    this.parked.delete(held.job.id);
    let running: Task | null;
    try {
      running = await this.recordRunning(task, run.id, {
        actor: 'dispatcher',
        reason: assigned,
        data: { ...facts, ...memoryFacts, runId: run.id },
        patch: { ...patch, lastRunId: run.id },
      });
    } catch (err) {
      // Stopping while the store is unreachable: we cannot know whether the task was recorded as
      // running. Stop the run and abandon the hold: the job is delivered again once its lease runs
      // out (or start-up recovery settles the task from the stopped run).
      this.deps.logger.warn({ err, taskId: task.id, runId: run.id }, 'could not record a started run on its task; stopping it');
      await this.deps.runService.stop(run.id).catch(() => undefined);
      this.held.abandon(held);
      return false;
    }
    if (!running) {
      // The task changed while its run was starting (cancelled, edited back to pending …).
      this.deps.logger.info({ taskId: task.id, runId: run.id }, 'task changed while its run started; stopping the run');
      await this.deps.runService.stop(run.id).catch(() => undefined);
      await this.settlement.endJob(held, 'complete');
      return true;
    }
    this.deps.metrics.queueWait((Date.parse(run.createdAt) - Date.parse(task.queuedAt ?? task.createdAt)) / 1000);
    if (recall && this.deps.runMemory) this.trackMemory(this.deps.runMemory.recordUses(task.id, run, employee.id, recall));
    this.live.set(task.id, { runId: run.id, held });
    this.track(
      // waitFor reads an already-ended run from the store: retried too, or the task would stay live here.
      this.untilRecorded(task.id, () => this.deps.runService.waitFor(run.id)).then(async (ended) => {
        const live = this.live.get(task.id);
        this.live.delete(task.id);
        const stoppedBecause = this.budgetStops.get(task.id);
        this.budgetStops.delete(task.id);
        await this.untilRecorded(task.id, async () =>
          this.settlement.settle(await this.deps.tasks.get(task.id), ended, live?.held ?? null, 'dispatcher', this.stopping, stoppedBecause),
        );
        this.wake();
      }),
    );
    this.deps.logger.info({ taskId: task.id, runId: run.id, ...facts }, 'task dispatched');
    return true;
  }

  private async startFailed(
    parked: Parked,
    err: unknown,
    context: { patch: { assignedTo: string; assignment: TaskAssignment; attempts: number }; assigned: string; facts: Record<string, unknown> },
  ): Promise<boolean> {
    const { task, held } = parked;
    // Transient (the cap was reached by a run started through the API, the store hiccupped):
    // the job stays parked and is tried again.
    if (!isAppError(err) || errorCodes[err.code].retryable) {
      this.deps.logger.warn({ err, taskId: task.id }, 'starting a task run failed; will try again');
      return false;
    }
    const why = `${err.code}: ${err.message}`;
    // Stays parked (lease renewed) until the failure is recorded: if the write throws, the next
    // pass re-reads the task and tries again rather than dropping the job.
    const failed = await this.deps.flow.move(task, 'failed', {
      actor: 'dispatcher',
      via: 'running',
      viaReason: context.assigned,
      reason: `${why} (the run could not start)`,
      data: { ...context.facts, errorCode: err.code },
      patch: context.patch,
    });
    this.parked.delete(held.job.id);
    await this.settlement.endJob(held, 'fail', why);
    if (failed) {
      this.deps.metrics.taskOutcome('failed', context.patch.assignedTo);
      await this.deps.flow.blockDependents(task.id, 'dispatcher');
    }
    this.deps.logger.warn({ taskId: task.id, code: err.code, reason: err.message }, 'task failed: its run could not start');
    return true;
  }

  /** Hands a parked job back: failed without retry, then (still queued) enqueued afresh. */
  private async handBack(parked: Parked): Promise<void> {
    await this.settlement.endJob(parked.held, parked.watching ? 'complete' : 'release', 'handed back');
    if (!parked.watching) {
      const task = await this.deps.tasks.get(parked.task.id).catch(() => null);
      if (task?.status === 'queued') await this.deps.flow.enqueue(task);
    }
  }

  // ---- start-up and repair -------------------------------------------------------------------

  /** Tasks recorded as running whose run is over (ended, or lost in a crash) are settled now. */
  /** Runs live on other replicas (cluster-wide slots); none when unknown or unreadable. */
  private async elsewhere(): Promise<readonly LiveRunRef[]> {
    if (!this.deps.clusterRuns) return [];
    try {
      return await this.deps.clusterRuns();
    } catch (err) {
      this.deps.logger.warn({ err }, 'reading the runs of other replicas failed; counting this server only');
      return [];
    }
  }

  private async recover(): Promise<void> {
    let cursor: string | undefined;
    let recovered = 0;
    do {
      const page = await this.deps.tasks.list({ status: ['running'], limit: 200, ...(cursor !== undefined && { cursor }) });
      for (const task of page.items) {
        if (this.live.has(task.id)) continue;
        const run = task.lastRunId === null ? null : await this.deps.runs.get(task.lastRunId);
        if (run !== null && !isTerminalRunStatus(run.status)) continue; // live on another replica
        await this.settlement.settle(task, run, null, 'system');
        recovered += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    if (recovered > 0) this.deps.logger.warn({ recovered }, 'settled tasks whose run ended while no dispatcher watched it');
  }

  /**
   * A sweep now; asked during a sweep, one more follows it (coalesced), since the running one may
   * already have passed the task whose job was just lost.
   */
  private sweepSoon(): void {
    if (!this.started || this.stopping) return;
    this.sweepWanted = true;
    this.sweeping ??= (async () => {
      while (this.sweepWanted && !this.stopping) {
        this.sweepWanted = false;
        await this.sweep();
      }
    })().finally(() => {
      this.sweeping = null;
    });
  }

  /** Enqueues every queued task (a no-op for tasks whose job is live), so none is left without one. */
  private async sweep(): Promise<void> {
    if (this.stopping) return;
    let cursor: string | undefined;
    try {
      do {
        const page = await this.deps.tasks.list({ status: ['queued'], limit: 500, ...(cursor !== undefined && { cursor }) });
        for (const task of page.items) {
          // A parked job whose lease was lost is not skipped: the loss may mean the queue lost the
          // job (Redis restarted empty), and the entry only leaves `parked` at the next pass. This
          // sweep is the one onLost asked for; skipping it would leave the task jobless until the
          // periodic sweep (60 s). Parked entries are keyed by job id = task id (task-job.ts).
          if (this.parked.get(task.id)?.held.held === true || this.live.has(task.id)) continue;
          if (!(await this.deps.flow.enqueue(task))) return;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    } catch (err) {
      this.deps.logger.warn({ err }, 'sweeping queued tasks failed');
    }
    this.wake();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Records a run's end on its task, retrying while the store is unreachable (a PostgreSQL
   * restart), so the task does not stay "running" with its job held here. Settling again after a
   * partial success is safe (conditional writes); a sweep then re-creates a job the retry may have
   * completed. Once stopping, it gives up: start-up recovery settles the task from its run.
   */
  private async untilRecorded<T>(taskId: string, settle: () => Promise<T>): Promise<T> {
    let delayMs = 100;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await settle();
        if (attempt > 1) this.sweepSoon();
        return result;
      } catch (err) {
        if (this.stopping) throw err;
        if (attempt === 1) this.deps.logger.warn({ err, taskId }, 'recording the end of a task run failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 2_000);
      }
    }
  }

  /**
   * Moves a task whose run has started to running, retrying while the store is unreachable.
   * Contract: resolves with the running task (the run is then tracked in `live` by the caller), or
   * null when the task changed meanwhile (the caller stops the run); throws only once stopping.
   * A failed write may have landed anyway (the connection dropped after the commit), so each retry
   * first re-reads the task: running with this run → it did; still queued → move it again.
   */
  private async recordRunning(task: Task, runId: string, options: MoveOptions): Promise<Task | null> {
    try {
      return await this.deps.flow.move(task, 'running', options);
    } catch (err) {
      if (this.stopping) throw err;
      this.deps.logger.warn({ err, taskId: task.id, runId }, 'recording a started run on its task failed; retrying');
    }
    return this.untilRecorded(task.id, async () => {
      const now = await this.deps.tasks.get(task.id);
      if (now?.status === 'running' && now.lastRunId === runId) return now;
      if (now?.status !== 'queued') return null;
      return this.deps.flow.move(now, 'running', options);
    });
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((err: unknown) => this.deps.logger.error({ err }, 'recording the end of a task run failed'))
      .finally(() => this.settling.delete(tracked));
    this.settling.add(tracked);
  }

  private async contextOf(task: Task, employee: Employee): Promise<string | null> {
    if (!this.deps.promptContext) return null;
    try {
      return await this.deps.promptContext(task, employee);
    } catch (err) {
      this.deps.logger.warn({ err, taskId: task.id }, 'building the prompt context failed; the run starts without it');
      return null;
    }
  }

  /** Memory work never throws (run-memory.ts); tracked so idle() and stop() wait for it. */
  private trackMemory(work: Promise<void>): void {
    const tracked = work
      .catch((err: unknown) => this.deps.logger.error({ err }, 'memory work of a task run failed'))
      .finally(() => this.memoryWork.delete(tracked));
    this.memoryWork.add(tracked);
  }

  private every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  private after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms + 10);
    timer.unref?.();
    this.timers.add(timer);
  }
}
