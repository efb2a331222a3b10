import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AgentSupervisor } from '../../../ports/agent-supervisor.js';
import type { RunRepository } from '../../../ports/run-repository.js';
import type { RunEventLog } from '../../../services/run-events/run-event-log.js';
import type { RunService } from '../../../services/runs/run-service.js';
import type { RunControl } from '../../../services/cluster/run-control.js';
export interface RunRoutesDeps {
    runService: RunService;
    runs: RunRepository;
    eventLog: RunEventLog;
    supervisor: AgentSupervisor;
    /** Scale-out: stop and follow-up go to the replica that owns the run (services/cluster/run-control.ts); absent = this server. */
    control?: Pick<RunControl, 'stopRun' | 'followUp'>;
}
/**
 * Services are created when the store opens (after routes are registered), so the plugin takes a
 * resolver and looks them up per request.
 */
export declare const runRoutes: FastifyPluginAsyncZod<{
    resolve: () => RunRoutesDeps;
}>;
