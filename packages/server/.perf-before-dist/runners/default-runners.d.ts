/** Every agent runtime the server knows, one runner each. */
import type { AgentRunner } from './agent-runner.js';
export declare const defaultRunners: () => AgentRunner[];
