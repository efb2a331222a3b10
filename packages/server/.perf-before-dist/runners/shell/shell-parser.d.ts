/**
 * Output of a shell agent: each line is assistant text, except that a line holding a JSON object
 * is taken as a structured AgentEvent when it validates against the shared schema (so scripted
 * agents can report tool calls, usage or their own result). A JSON-looking line that is not a
 * valid event, or that claims a supervisor-only type, is kept verbatim as `raw`. Blank lines are
 * dropped.
 */
import { type AgentEvent } from '@dash/shared';
import type { OutputParser } from '../agent-runner.js';
export declare function parseShellLine(line: string): AgentEvent[];
export declare function createShellParser(): OutputParser;
