export function formatEventAsText(e) {
    const ts = new Date(e.at).toISOString();
    const ev = e.event;
    const body = (() => {
        switch (ev.type) {
            case 'session.started':
                return `session ${ev.sessionId} model=${ev.model ?? '?'} tools=${ev.tools.length}`;
            case 'assistant.text':
                return ev.text;
            case 'user.message':
                return `> ${ev.text}`;
            case 'tool.call':
                return `${ev.name}(${JSON.stringify(ev.input)}) [${ev.toolUseId}]`;
            case 'tool.result':
                return `${ev.isError ? 'ERROR ' : ''}[${ev.toolUseId}] ${ev.output}${ev.truncated ? ' …[truncated]' : ''}`;
            case 'usage':
                return `in=${ev.inputTokens} out=${ev.outputTokens} cache_read=${ev.cacheReadTokens} cache_write=${ev.cacheWriteTokens} cost=${ev.costUsd ?? '-'}${ev.cumulative ? ' (total)' : ''}`;
            case 'input.requested':
                return `${ev.kind} requested: ${ev.prompt}`;
            case 'result':
                return `${ev.success ? 'success' : `failed${ev.errorKind ? ` (${ev.errorKind})` : ''}`}: ${ev.text ?? ''}`;
            case 'stderr':
                return ev.line;
            case 'raw':
                return ev.line;
            case 'exit':
                return `exit code=${ev.code ?? '-'} signal=${ev.signal ?? '-'}`;
            case 'supervisor':
                return `${ev.action}: ${ev.message}`;
            case 'log.truncated':
                return ev.message;
            case 'log.summary':
                return `${ev.droppedEvents} events (${ev.droppedBytes} bytes) not stored`;
        }
    })();
    return `${ts} #${e.seq} ${ev.type} ${body.replace(/\n/g, '\n    ')}`;
}
//# sourceMappingURL=run-log-text.js.map