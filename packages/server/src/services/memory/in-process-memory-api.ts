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
import {
  memoryContextBody,
  searchMemoryBody,
  storeMemoryBody,
  type CreateMemoryResult,
  type MemoryContextBodyInput,
  type MemoryContextResult,
  type MemorySearchResult,
  type SearchMemoryBodyInput,
  type StoreMemoryBody,
} from '@dash/shared';
import type { z } from 'zod';
import { AppError } from '../../domain/app-error.js';
import type { MemoryApi } from '../../ports/memory-api.js';
import type { MemoryService } from './memory-service.js';

type State = { kind: 'starting' } | { kind: 'open'; service: MemoryService } | { kind: 'closed' };

export class InProcessMemoryApi implements MemoryApi {
  #state: State = { kind: 'starting' };
  #opened!: (service: MemoryService) => void;
  #ready: Promise<MemoryService> = this.#nextReady();

  /** The service is open: waiting calls go ahead. */
  open(service: MemoryService): void {
    this.#state = { kind: 'open', service };
    this.#opened(service);
  }

  /** The service is closing: calls fail with MEMORY_UNAVAILABLE until it opens again. */
  close(): void {
    this.#state = { kind: 'closed' };
    this.#ready = this.#nextReady();
  }

  async context(body: MemoryContextBodyInput): Promise<MemoryContextResult> {
    const parsed = validate(memoryContextBody, body);
    return (await this.#service()).search.context(parsed);
  }

  async store(body: StoreMemoryBody): Promise<CreateMemoryResult> {
    const { type, ...rest } = validate(storeMemoryBody, body);
    const view = await (await this.#service()).create(type, rest);
    return { success: true, memoryId: view.id, employeeId: view.employeeId, type: view.type, memory: view };
  }

  async search(body: SearchMemoryBodyInput): Promise<MemorySearchResult> {
    const parsed = validate(searchMemoryBody, body);
    return (await this.#service()).search.search(parsed);
  }

  #service(): Promise<MemoryService> {
    const state = this.#state;
    if (state.kind === 'open') return Promise.resolve(state.service);
    if (state.kind === 'closed') return Promise.reject(new AppError('MEMORY_UNAVAILABLE', { message: 'The memory service is stopped' }));
    return this.#ready;
  }

  #nextReady(): Promise<MemoryService> {
    return new Promise((resolve) => {
      this.#opened = resolve;
    });
  }
}

function validate<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', {
    fields: result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
  });
}
