/** The shell runtime: any argv command as a deterministic agent (prompt on stdin, lines as text). */
export { ShellRunner } from './shell-runner.js';
export { parseShellLine } from './shell-parser.js';
//# sourceMappingURL=index.js.map