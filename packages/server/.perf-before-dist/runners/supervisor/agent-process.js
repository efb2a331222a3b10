/**
 * One spawned attempt of an agent: the child in its own process group, its stdio split into
 * bounded lines, and exactly one `onEnd` once the process has exited and its output is drained.
 * Knows nothing about runners, events or restarts (that is SupervisedRun's job).
 */
import { spawn } from 'node:child_process';
import { LineSplitter } from './line-splitter.js';
export class AgentProcess {
    hooks;
    settings;
    timers;
    /** Also the process group id (the child is its group's leader). Null when spawning failed. */
    pid;
    child;
    out;
    err;
    stdinOpen = true;
    exit = null;
    openStreams = 2;
    drainTimer = null;
    ended = false;
    /** Throws when the OS refuses synchronously; most failures (ENOENT…) arrive as `onEnd`. */
    constructor(invocation, hooks, settings, timers) {
        this.hooks = hooks;
        this.settings = settings;
        this.timers = timers;
        const split = { maxLineBytes: settings.maxLineBytes, keepBytes: settings.keepBytes };
        this.out = new LineSplitter((l) => this.hooks.onStdoutLine(l), split);
        this.err = new LineSplitter((l) => this.hooks.onStderrLine(l), split);
        // detached: the child leads a new process group, so the whole group can be signalled.
        this.child = spawn(invocation.command, invocation.args, {
            cwd: invocation.cwd,
            env: invocation.env,
            detached: true,
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        this.pid = this.child.pid ?? null;
        this.wire();
    }
    get stdinWritable() {
        return this.stdinOpen && this.exit === null && !this.ended;
    }
    /** Writes one line to stdin; false when stdin is already closed. */
    writeLine(line) {
        if (!this.stdinWritable)
            return false;
        this.child.stdin.write(`${line}\n`);
        return true;
    }
    endStdin() {
        if (!this.stdinOpen)
            return;
        this.stdinOpen = false;
        this.child.stdin.end();
    }
    wire() {
        const { child } = this;
        child.stdin.on('error', (error) => {
            // EPIPE when the agent exits or closes stdin before reading everything: not a crash.
            this.stdinOpen = false;
            this.hooks.onStdinError(error);
        });
        child.stdout.on('data', (chunk) => this.onData(this.out, chunk));
        child.stderr.on('data', (chunk) => this.onData(this.err, chunk));
        child.stdout.on('close', () => this.onStreamClosed(this.out));
        child.stderr.on('close', () => this.onStreamClosed(this.err));
        child.on('error', (error) => {
            if (this.pid === null)
                this.finish({ kind: 'spawn_failed', error });
            // Otherwise a failed kill/send on a live child: the exit path still follows.
        });
        child.on('exit', (code, signal) => {
            this.exit = { code, signal };
            this.stdinOpen = false;
            if (this.openStreams === 0)
                this.finishExited(true);
            else
                this.drainTimer = this.timers.setTimeout(() => this.onDrainTimeout(), this.settings.exitDrainMs);
        });
    }
    onData(splitter, chunk) {
        if (this.ended)
            return;
        this.hooks.onActivity();
        splitter.push(chunk);
    }
    onStreamClosed(splitter) {
        this.openStreams -= 1;
        if (!this.ended)
            splitter.end();
        if (this.openStreams === 0 && this.exit !== null)
            this.finishExited(true);
    }
    /** The leader exited but something else in its group still holds stdout/stderr open. */
    onDrainTimeout() {
        this.drainTimer = null;
        if (this.ended)
            return;
        this.out.end();
        this.err.end();
        this.finishExited(false);
        this.child.stdout.destroy();
        this.child.stderr.destroy();
    }
    finishExited(drained) {
        if (this.exit)
            this.finish({ kind: 'exited', exit: this.exit, drained });
    }
    finish(end) {
        if (this.ended)
            return;
        this.ended = true;
        if (this.drainTimer !== null)
            this.timers.clearTimeout(this.drainTimer);
        this.drainTimer = null;
        this.hooks.onEnd(end);
    }
}
//# sourceMappingURL=agent-process.js.map