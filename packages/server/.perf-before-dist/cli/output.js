/** One event as text lines (none for bookkeeping events). */
export function eventLines(e) {
    const ev = e.event;
    switch (ev.type) {
        case 'assistant.text':
            return ev.text.split('\n');
        case 'user.message':
            return [`> ${ev.text}`];
        case 'tool.call':
            return [`→ ${ev.name} ${preview(JSON.stringify(ev.input ?? null))}`];
        case 'tool.result':
            return [`${ev.isError ? '✗' : '←'} ${preview(ev.output)}`];
        case 'input.requested':
            return [`? ${ev.kind === 'approval' ? 'needs approval' : 'needs input'}: ${ev.prompt}`];
        case 'result':
            return [`${ev.success ? '✓' : '✗'} result${ev.errorKind ? ` (${ev.errorKind})` : ''}${ev.text ? `: ${preview(ev.text)}` : ''}`];
        case 'stderr':
            return [`stderr: ${ev.line}`];
        case 'exit':
        case 'log.summary':
        case 'log.truncated':
        case 'raw':
        case 'session.started':
        case 'supervisor':
        case 'usage':
            return [];
    }
}
const preview = (text, max = 200) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
export class Terminal {
    out;
    err;
    progress = null;
    startedAt = Date.now();
    constructor(out, err) {
        this.out = out;
        this.err = err;
    }
    get interactive() {
        return this.err.isTTY === true;
    }
    line(text) {
        this.clearProgress();
        this.out.write(`${text}\n`);
        this.drawProgress();
    }
    setProgress(label, p) {
        if (!this.interactive)
            return;
        const seconds = Math.floor((Date.now() - this.startedAt) / 1000);
        const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
        const cost = p.costUsd === null ? '' : ` · $${p.costUsd.toFixed(4)}`;
        this.progress = `${label} · ${p.state} · ${p.events} events · ${p.tools} tool calls · ${clock}${cost}`;
        this.clearProgress();
        this.drawProgress();
    }
    done() {
        this.clearProgress();
        this.progress = null;
    }
    clearProgress() {
        if (this.interactive && this.progress !== null)
            this.err.write('\r\x1b[2K');
    }
    drawProgress() {
        if (this.interactive && this.progress !== null)
            this.err.write(this.progress.slice(0, 200));
    }
}
//# sourceMappingURL=output.js.map