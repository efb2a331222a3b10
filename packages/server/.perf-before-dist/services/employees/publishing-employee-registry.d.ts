/**
 * The registry service that also tells the rest of the server when employees change: after an
 * API edit and after every good (re)load (start, file watch, `POST …/reload`) it publishes each
 * changed EmployeeView on the `employees` topic (retired ones as `{ id, retired: true }`). The
 * dispatcher wakes on it (an employee activated or given more slots can take work at once) and
 * the live feed forwards it to browsers.
 */
import type { EmployeeView, UpdateEmployeeBody } from '@dash/shared';
import type { EventBus } from '../../ports/event-bus.js';
import { EmployeeRegistryService, type EmployeeRegistryServiceDeps, type ReloadOutcome } from './employee-registry-service.js';
export declare class PublishingEmployeeRegistry extends EmployeeRegistryService {
    private readonly publishTo;
    constructor(deps: EmployeeRegistryServiceDeps & {
        bus: EventBus;
    });
    update(id: string, body: UpdateEmployeeBody): Promise<EmployeeView>;
    reload(options?: {
        force?: boolean;
    }): Promise<ReloadOutcome>;
}
