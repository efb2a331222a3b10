/**
 * Composition of the memory service (part of the composition root, beside app.ts): the key, the
 * embedding provider, the vector index and the repository over the store, the service, its routes
 * under /api/memory, and its lifecycle component. It starts after the employee registry (it asks
 * the registry who an employee is) and stops before the store.
 *
 * A wrong MEMORY_ENCRYPTION_KEY for existing memories fails start-up with MEMORY_KEY_MISMATCH.
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from './domain/app-error.js';
import { MemoryCipher } from './adapters/memory-crypto/memory-cipher.js';
import { resolveMemoryKey } from './adapters/memory-crypto/memory-key.js';
import { createEmbeddingProvider } from './adapters/memory-embeddings/create-embedding-provider.js';
import { KyselyMemoryRepository } from './adapters/memory-store/kysely-memory-repository.js';
import { openVectorIndex } from './adapters/memory-vector/open-vector-index.js';
import { storeDatabaseOf } from './adapters/store/kysely-store.js';
import { systemClock } from './ports/clock.js';
import { MemoryService } from './services/memory/memory-service.js';
import { memoryRoutes } from './transport/http/routes/memory-routes.js';
export function registerMemory(ctx) {
    const log = ctx.logger.child({ component: 'memory' });
    let opened = null;
    const service = () => {
        if (opened === null)
            throw new Error('the memory service is not open');
        return opened.service;
    };
    void ctx.server.register(memoryRoutes, { resolve: () => ({ memory: service() }) });
    ctx.lifecycle.register({
        name: 'memory',
        async start() {
            const { config } = ctx;
            const { db, dialect } = storeDatabaseOf(ctx.store());
            const key = await resolveMemoryKey({ configured: config.memory.encryptionKey, keyFile: config.memory.keyFile, logger: log });
            const embeddings = createEmbeddingProvider(config.memory.embeddings);
            const index = await openVectorIndex({ kind: config.memory.vectorIndex, dialect, db, file: config.memory.vectorFile, dim: embeddings.dim, logger: log });
            const memory = new MemoryService({
                repository: new KyselyMemoryRepository({ db, dialect, cipher: new MemoryCipher(key.key) }),
                index,
                embeddings,
                members: registryDirectory(ctx.employees),
                clock: systemClock,
                logger: log,
                newId: randomUUID,
            });
            try {
                await memory.open();
            }
            catch (err) {
                await index.close();
                await embeddings.close();
                throw err;
            }
            opened = { service: memory, index, embeddings };
            log.info({ provider: embeddings.id, dim: embeddings.dim, index: index.kind, key: key.source }, 'memory service open');
        },
        async stop() {
            if (opened === null)
                return;
            const { service: memory, index, embeddings } = opened;
            opened = null;
            await memory.close();
            await index.close();
            await embeddings.close();
        },
    });
    return { service };
}
/** The employee registry as the memory service sees it: role, department and who heads one. */
export function registryDirectory(employees) {
    const heads = async () => new Set((await employees.departments()).flatMap((d) => (d.head === null ? [] : [d.head])));
    return {
        async get(id) {
            try {
                const view = await employees.get(id);
                return { id: view.id, role: view.role, department: view.department, isDepartmentHead: (await heads()).has(view.id) };
            }
            catch (err) {
                if (isAppError(err) && err.code === 'NOT_FOUND')
                    return null;
                throw err;
            }
        },
        async list() {
            const [views, headIds] = await Promise.all([employees.list(), heads()]);
            return views.map((v) => ({ id: v.id, role: v.role, department: v.department, isDepartmentHead: headIds.has(v.id) }));
        },
    };
}
//# sourceMappingURL=app-memory.js.map