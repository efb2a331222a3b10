import { EMPLOYEES_TOPIC } from '../tasks/bus-topics.js';
import { EmployeeRegistryService } from './employee-registry-service.js';
export class PublishingEmployeeRegistry extends EmployeeRegistryService {
    publishTo;
    constructor(deps) {
        super(deps);
        this.publishTo = deps.bus;
    }
    async update(id, body) {
        const view = await super.update(id, body);
        this.publishTo.publish(EMPLOYEES_TOPIC, view);
        return view;
    }
    async reload(options = {}) {
        const outcome = await super.reload(options);
        if (!outcome.ok)
            return outcome;
        const changed = new Set([...outcome.report.upserted, ...outcome.report.overridesDropped]);
        for (const id of changed) {
            const view = await this.get(id).catch(() => null);
            if (view)
                this.publishTo.publish(EMPLOYEES_TOPIC, view);
        }
        for (const id of outcome.report.retired)
            this.publishTo.publish(EMPLOYEES_TOPIC, { id, retired: true });
        return outcome;
    }
}
//# sourceMappingURL=publishing-employee-registry.js.map