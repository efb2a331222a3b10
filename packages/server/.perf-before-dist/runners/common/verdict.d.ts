/**
 * Shared judging rules for runners: a result event, when the CLI emitted one, decides success;
 * otherwise the exit does. Error codes come from the shared registry so the web can explain them.
 */
import type { AgentEventOf, ErrorCode } from '@dash/shared';
import type { ExitInfo, Verdict } from '../agent-runner.js';
type ResultEvent = AgentEventOf<'result'>;
export type ResultErrorKind = NonNullable<ResultEvent['errorKind']>;
export declare const SUCCESS: Verdict;
export declare const errorCodeForKind: (kind: ResultErrorKind | null | undefined) => ErrorCode;
/** Best-effort classification of a free-text error message from an agent CLI. */
export declare function classifyErrorMessage(message: string | null | undefined): ResultErrorKind;
export declare function describeExit(exit: ExitInfo): string;
/** The default verdict: the result event when present, else exit code 0 means success. */
export declare function verdictFromResult(result: ResultEvent | null, exit: ExitInfo): Verdict;
export {};
