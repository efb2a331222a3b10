/**
 * The registry service that also tells the rest of the server when employees change: after an
 * API edit and after every good (re)load (start, file watch, `POST …/reload`) it publishes each
 * changed EmployeeView on the `employees` topic (retired ones as `{ id, retired: true }`). The
 * dispatcher wakes on it (an employee activated or given more slots can take work at once) and
 * the live feed forwards it to browsers.
 */
import type { EmployeeView, UpdateEmployeeBody } from '@dash/shared';
import type { EventBus } from '../../ports/event-bus.js';
import { EMPLOYEES_TOPIC } from '../tasks/bus-topics.js';
import { EmployeeRegistryService, type EmployeeRegistryServiceDeps, type ReloadOutcome } from './employee-registry-service.js';

export class PublishingEmployeeRegistry extends EmployeeRegistryService {
  private readonly publishTo: EventBus;

  constructor(deps: EmployeeRegistryServiceDeps & { bus: EventBus }) {
    super(deps);
    this.publishTo = deps.bus;
  }

  override async update(id: string, body: UpdateEmployeeBody): Promise<EmployeeView> {
    const view = await super.update(id, body);
    this.publishTo.publish(EMPLOYEES_TOPIC, view);
    return view;
  }

  override async reload(options: { force?: boolean } = {}): Promise<ReloadOutcome> {
    const outcome = await super.reload(options);
    if (!outcome.ok) return outcome;
    const changed = new Set([...outcome.report.upserted, ...outcome.report.overridesDropped]);
    for (const id of changed) {
      const view = await this.get(id).catch(() => null);
      if (view) this.publishTo.publish(EMPLOYEES_TOPIC, view);
    }
    for (const id of outcome.report.retired) this.publishTo.publish(EMPLOYEES_TOPIC, { id, retired: true });
    return outcome;
  }
}
