/**
 * The agent process supervisor: runs each agent CLI as its own process group, streams its output
 * through the runtime's runner into normalized events, stops it by escalating signals to the group,
 * enforces wall-clock and idle limits, restarts after crashes only, and samples CPU and memory.
 */
export { ProcessSupervisor } from './process-supervisor.js';
export { defaultParseVersion } from './runtime-detector.js';
//# sourceMappingURL=index.js.map