/** The Gemini CLI runtime: headless stream-json invocation and its event mapping. */
export { GeminiRunner } from './gemini-runner.js';
export { GeminiParser } from './gemini-parser.js';
//# sourceMappingURL=index.js.map