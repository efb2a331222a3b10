import { createTracing } from './observability/tracing.js';
export function registerTracing(ctx) {
    const { otlpEndpoint } = ctx.config.tracing;
    if (otlpEndpoint === null)
        return null;
    const tracing = createTracing({ ...ctx.config.tracing, otlpEndpoint }, { nodeId: ctx.config.nodeId, role: ctx.config.role.name, version: ctx.version }, ctx.logger.child({ component: 'tracing' }));
    ctx.lifecycle.register({ name: 'tracing', start: () => tracing.start(), stop: () => tracing.stop() });
    return tracing;
}
//# sourceMappingURL=app-tracing.js.map