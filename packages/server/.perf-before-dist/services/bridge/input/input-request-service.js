/**
 * Questions agents ask a human (MCP `request_human_input`) and their answers.
 *
 *  - ask: stores a pending request (so the run shows "needs input" on every replica and after a
 *    reload), publishes it on the `input-requests` topic, and waits until it is closed: answered
 *    through REST, cancelled (the run ended, or the agent hung up), or expired after
 *    BRIDGE_INPUT_TIMEOUT. The wait wakes on the local answer, on the bus (another replica
 *    answered) and, as a fallback for a lost bus message, on a periodic re-read of the store.
 *  - answer: closes a pending request once (conditional write); a second answer is 409
 *    BRIDGE_INPUT_CLOSED and changes nothing.
 *  - cancelForRun: the run ended; its pending requests are cancelled and their waits end.
 *  - askApproval / decide: the same for tool approvals (Claude Code permission prompts through MCP
 *    approve_tool_use): allow or deny; an expired or cancelled approval is a denial.
 *  - sweep: requests left pending by a process that died are closed (run ended → cancelled,
 *    past their deadline → expired).
 */
import { isTerminalRunStatus } from '@dash/shared';
import { AppError } from '../../../domain/app-error.js';
/** The live topic (and bus topic) carrying every change of an input request. */
export const INPUT_REQUESTS_TOPIC = 'input-requests';
export class InputRequestService {
    deps;
    waiters = new Map();
    unsubscribe = null;
    constructor(deps) {
        this.deps = deps;
    }
    /** Follows the bus, so answers given on other replicas end local waits at once. */
    start() {
        this.unsubscribe ??= this.deps.bus.subscribe(INPUT_REQUESTS_TOPIC, (request) => {
            if (request.status !== 'pending')
                this.wake(request);
        });
    }
    stop() {
        this.unsubscribe?.();
        this.unsubscribe = null;
    }
    /** Asks the question and waits for the outcome; `signal` aborting (the agent hung up) cancels it. */
    async ask(capability, question, signal) {
        const closed = await this.open(capability, { kind: 'question', question, tool: null }, this.deps.timeoutMs, signal);
        if (closed.status === 'answered')
            return { status: 'answered', answer: closed.answer ?? '', request: closed };
        return { status: closed.status === 'pending' ? 'cancelled' : closed.status, request: closed };
    }
    /**
     * A Claude Code permission prompt (MCP approve_tool_use): waits for a person's decision. Anything
     * but an explicit allow is a denial (expired after BRIDGE_APPROVAL_TIMEOUT, run ended, hang-up).
     */
    async askApproval(capability, tool, signal) {
        const question = `Allow ${tool.name}?`;
        const closed = await this.open(capability, { kind: 'tool_approval', question, tool }, this.deps.approvalTimeoutMs ?? 600_000, signal);
        if (closed.status === 'answered' && closed.decision !== null)
            return { decision: closed.decision, message: closed.answer, request: closed };
        const why = closed.status === 'expired' ? 'Nobody approved this tool use in time.' : 'The approval request was cancelled.';
        return { decision: 'deny', message: why, request: closed };
    }
    async open(capability, what, timeoutMs, signal) {
        const now = this.deps.clock.now();
        const request = await this.deps.requests.create({
            id: this.deps.newId(),
            runId: capability.runId,
            taskId: capability.taskId,
            employeeId: capability.employeeId,
            question: what.question,
            status: 'pending',
            answer: null,
            answeredBy: null,
            createdAt: new Date(now).toISOString(),
            expiresAt: new Date(now + timeoutMs).toISOString(),
            closedAt: null,
            kind: what.kind,
            tool: what.tool,
            decision: null,
        });
        this.deps.bus.publish(INPUT_REQUESTS_TOPIC, request);
        this.deps.logger.info({ runId: request.runId, requestId: request.id, kind: request.kind, tool: request.tool?.name }, what.kind === 'question' ? 'agent asked for human input' : 'agent asked to approve a tool use');
        return this.waitFor(request, signal);
    }
    /** A person's decision on a tool approval (a question is BRIDGE_INPUT_KIND_MISMATCH). */
    async decide(runId, requestId, decision, message, actor) {
        const existing = await this.existing(runId, requestId);
        if (existing.kind !== 'tool_approval')
            throw new AppError('BRIDGE_INPUT_KIND_MISMATCH', { message: 'This request is a question: answer it', details: { runId, requestId, kind: existing.kind } });
        const closed = await this.close(requestId, { status: 'answered', decision, ...(message !== null && { answer: message }), answeredBy: actor, closedAt: this.deps.clock.isoNow() });
        if (closed === null) {
            const now = await this.deps.requests.get(requestId);
            throw new AppError('BRIDGE_INPUT_CLOSED', { details: { runId, requestId, status: now?.status ?? existing.status } });
        }
        this.deps.logger.info({ runId, requestId, actor, decision, tool: existing.tool?.name }, 'tool approval decided');
        return closed;
    }
    async existing(runId, requestId) {
        const existing = await this.deps.requests.get(requestId);
        if (existing === null || existing.runId !== runId) {
            throw new AppError('BRIDGE_INPUT_NOT_FOUND', { details: { runId, requestId } });
        }
        return existing;
    }
    async answer(runId, requestId, answer, actor) {
        const existing = await this.existing(runId, requestId);
        if (existing.kind !== 'question')
            throw new AppError('BRIDGE_INPUT_KIND_MISMATCH', { message: 'This request is a tool approval: allow or deny it', details: { runId, requestId, kind: existing.kind } });
        const closed = await this.close(requestId, { status: 'answered', answer, answeredBy: actor, closedAt: this.deps.clock.isoNow() });
        if (closed === null) {
            const now = await this.deps.requests.get(requestId);
            throw new AppError('BRIDGE_INPUT_CLOSED', { details: { runId, requestId, status: now?.status ?? existing.status } });
        }
        this.deps.logger.info({ runId, requestId, actor }, 'human input answered');
        return closed;
    }
    /** The run ended: its pending questions are cancelled. */
    async cancelForRun(runId) {
        const closed = await this.deps.requests.closePendingForRun(runId, { status: 'cancelled', closedAt: this.deps.clock.isoNow() });
        for (const request of closed)
            this.closed(request);
    }
    listForRun(runId) {
        return this.deps.requests.listForRun(runId);
    }
    list(filter) {
        return this.deps.requests.list(filter);
    }
    /** Closes requests nobody waits for any more; returns how many. */
    async sweep() {
        const pending = await this.deps.requests.list({ status: 'pending', limit: 200 });
        const now = this.deps.clock.isoNow();
        let closed = 0;
        for (const request of pending) {
            if (this.waiters.has(request.id))
                continue;
            const run = await this.deps.runs.get(request.runId);
            const status = run === null || isTerminalRunStatus(run.status) ? 'cancelled' : request.expiresAt <= now ? 'expired' : null;
            if (status !== null && (await this.close(request.id, { status, closedAt: now })) !== null)
                closed += 1;
        }
        return closed;
    }
    async waitFor(request, signal) {
        const pollMs = this.deps.pollMs ?? 2_000;
        return new Promise((resolve) => {
            let settled = false;
            const timers = [];
            const finish = (closed) => {
                if (settled)
                    return;
                settled = true;
                for (const t of timers)
                    clearTimeout(t);
                clearInterval(poll);
                signal.removeEventListener('abort', onAbort);
                this.removeWaiter(request.id, finish);
                resolve(closed);
            };
            const closeAs = (status) => {
                void this.close(request.id, { status, closedAt: this.deps.clock.isoNow() })
                    .then(async (closed) => finish(closed ?? (await this.deps.requests.get(request.id)) ?? { ...request, status }))
                    .catch((err) => {
                    this.deps.logger.warn({ err, requestId: request.id }, 'closing an input request failed');
                    finish({ ...request, status });
                });
            };
            const onAbort = () => closeAs('cancelled');
            let waiters = this.waiters.get(request.id);
            if (!waiters)
                this.waiters.set(request.id, (waiters = new Set()));
            waiters.add(finish);
            signal.addEventListener('abort', onAbort, { once: true });
            const remaining = Math.max(0, Date.parse(request.expiresAt) - this.deps.clock.now());
            timers.push(setTimeout(() => closeAs('expired'), remaining));
            const poll = setInterval(() => {
                void this.deps.requests.get(request.id).then((now) => {
                    if (now !== null && now.status !== 'pending')
                        finish(now);
                }, () => undefined);
            }, pollMs);
            poll.unref?.();
            if (signal.aborted)
                onAbort();
        });
    }
    async close(id, change) {
        const closed = await this.deps.requests.close(id, change);
        if (closed !== null)
            this.closed(closed);
        return closed;
    }
    /** Publishes a closed request and ends the local wait for it. */
    closed(request) {
        this.deps.bus.publish(INPUT_REQUESTS_TOPIC, request);
        this.wake(request);
    }
    wake(request) {
        for (const waiter of [...(this.waiters.get(request.id) ?? [])])
            waiter(request);
    }
    removeWaiter(id, waiter) {
        const set = this.waiters.get(id);
        set?.delete(waiter);
        if (set?.size === 0)
            this.waiters.delete(id);
    }
}
//# sourceMappingURL=input-request-service.js.map