/** The EventBus contract on the in-process bus (embedded mode). */
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { defineEventBusContract } from '../contracts/event-bus.contract.js';

defineEventBusContract('LocalEventBus', async () => {
  const bus = new LocalEventBus();
  return { bus, cleanup: () => bus.close() };
});
