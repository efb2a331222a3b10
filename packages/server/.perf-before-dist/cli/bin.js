#!/usr/bin/env node
/** The `dashboard` bin (packages/server/package.json `bin`): runs the CLI on this process's argv. */
import { runCli } from './main.js';
process.exitCode = await runCli(process.argv.slice(2), process.env, process.stdout, process.stderr);
//# sourceMappingURL=bin.js.map