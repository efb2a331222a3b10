/**
 * The MemoryApi port over the MemoryService of this process (embedded mode, or the `memory` role
 * itself). Bodies are validated with the same schemas as the HTTP routes (400 VALIDATION_FAILED
 * naming the field), so both adapters answer alike.
 *
 * The service opens after the dispatcher (it asks the employee registry who is who) and closes
 * before it; this adapter follows it through open()/close() (wired as a lifecycle component in
 * app.ts): calls made while it is still starting wait for it (callers bound that wait with their
 * own timeout), calls after it closed fail at once with 503 MEMORY_UNAVAILABLE.
 */
import { memoryContextBody, searchMemoryBody, storeMemoryBody, } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
export class InProcessMemoryApi {
    #state = { kind: 'starting' };
    #opened;
    #ready = this.#nextReady();
    /** The service is open: waiting calls go ahead. */
    open(service) {
        this.#state = { kind: 'open', service };
        this.#opened(service);
    }
    /** The service is closing: calls fail with MEMORY_UNAVAILABLE until it opens again. */
    close() {
        this.#state = { kind: 'closed' };
        this.#ready = this.#nextReady();
    }
    async context(body) {
        const parsed = validate(memoryContextBody, body);
        return (await this.#service()).search.context(parsed);
    }
    async store(body) {
        const { type, ...rest } = validate(storeMemoryBody, body);
        const view = await (await this.#service()).create(type, rest);
        return { success: true, memoryId: view.id, employeeId: view.employeeId, type: view.type, memory: view };
    }
    async search(body) {
        const parsed = validate(searchMemoryBody, body);
        return (await this.#service()).search.search(parsed);
    }
    #service() {
        const state = this.#state;
        if (state.kind === 'open')
            return Promise.resolve(state.service);
        if (state.kind === 'closed')
            return Promise.reject(new AppError('MEMORY_UNAVAILABLE', { message: 'The memory service is stopped' }));
        return this.#ready;
    }
    #nextReady() {
        return new Promise((resolve) => {
            this.#opened = resolve;
        });
    }
}
function validate(schema, body) {
    const result = schema.safeParse(body);
    if (result.success)
        return result.data;
    throw new AppError('VALIDATION_FAILED', {
        fields: result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
    });
}
//# sourceMappingURL=in-process-memory-api.js.map