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
import { type ApprovalTool, type InputRequest, type InputRequestStatus, type ToolApprovalDecision } from '@dash/shared';
import type { Clock } from '../../../ports/clock.js';
import type { EventBus } from '../../../ports/event-bus.js';
import type { InputRequestRepository } from '../../../ports/input-request-repository.js';
import type { Logger } from '../../../ports/logger.js';
import type { RunRepository } from '../../../ports/run-repository.js';
import type { RunCapability } from '../mcp/run-token-service.js';
/** The live topic (and bus topic) carrying every change of an input request. */
export declare const INPUT_REQUESTS_TOPIC: "input-requests";
export interface InputRequestServiceDeps {
    requests: InputRequestRepository;
    runs: Pick<RunRepository, 'get'>;
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    newId: () => string;
    /** BRIDGE_INPUT_TIMEOUT. */
    timeoutMs: number;
    /** BRIDGE_APPROVAL_TIMEOUT: an undecided tool approval is denied after it. @default 10 min */
    approvalTimeoutMs?: number;
    /** Re-read of a waiting request's row (a bus message may be lost). @default 2_000 */
    pollMs?: number;
}
/** A tool approval's outcome: allowed only by a person's explicit `allow`. */
export interface ApprovalOutcome {
    decision: ToolApprovalDecision;
    /** The person's note, or why it was denied without one (expired, cancelled). */
    message: string | null;
    request: InputRequest;
}
export type InputOutcome = {
    status: 'answered';
    answer: string;
    request: InputRequest;
} | {
    status: Exclude<InputRequestStatus, 'pending' | 'answered'>;
    request: InputRequest;
};
export declare class InputRequestService {
    private readonly deps;
    private readonly waiters;
    private unsubscribe;
    constructor(deps: InputRequestServiceDeps);
    /** Follows the bus, so answers given on other replicas end local waits at once. */
    start(): void;
    stop(): void;
    /** Asks the question and waits for the outcome; `signal` aborting (the agent hung up) cancels it. */
    ask(capability: RunCapability, question: string, signal: AbortSignal): Promise<InputOutcome>;
    /**
     * A Claude Code permission prompt (MCP approve_tool_use): waits for a person's decision. Anything
     * but an explicit allow is a denial (expired after BRIDGE_APPROVAL_TIMEOUT, run ended, hang-up).
     */
    askApproval(capability: RunCapability, tool: ApprovalTool, signal: AbortSignal): Promise<ApprovalOutcome>;
    private open;
    /** A person's decision on a tool approval (a question is BRIDGE_INPUT_KIND_MISMATCH). */
    decide(runId: string, requestId: string, decision: ToolApprovalDecision, message: string | null, actor: string): Promise<InputRequest>;
    private existing;
    answer(runId: string, requestId: string, answer: string, actor: string): Promise<InputRequest>;
    /** The run ended: its pending questions are cancelled. */
    cancelForRun(runId: string): Promise<void>;
    listForRun(runId: string): Promise<InputRequest[]>;
    list(filter: {
        status?: InputRequestStatus;
        limit: number;
    }): Promise<InputRequest[]>;
    /** Closes requests nobody waits for any more; returns how many. */
    sweep(): Promise<number>;
    private waitFor;
    private close;
    /** Publishes a closed request and ends the local wait for it. */
    private closed;
    private wake;
    private removeWaiter;
}
