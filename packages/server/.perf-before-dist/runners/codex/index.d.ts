/** The OpenAI Codex CLI runtime: `codex exec --json` invocation and its JSONL event mapping. */
export { CodexRunner } from './codex-runner.js';
export { CodexParser } from './codex-parser.js';
