/**
 * /api/memory: the memory API, the shape of the original Memory API (docs/api.md, "Memory") with
 * its defects fixed, plus list/read/edit/delete by id for the UI. Every route acts as the employee
 * it names (`employeeId` in the body, path or query) and the permission model applies.
 */
import { createInteractionBody, createMemoryBody, createMemoryResult, listMemoriesQuery, memoryActorQuery, memoryAllStatsResult, memoryArchiveResult, memoryBatchBody, memoryCleanupBody, memoryCleanupResult, memoryCompanyCleanupResult, memoryContextBody, memoryContextResult, memoryDeleteResult, memoryEmployeeParams, memoryExpertiseParams, memoryExpertiseResult, memoryIdParams, memoryLifecycleResult, memoryList, memoryReembedBody, memoryReembedResult, memoryRestoreResult, memorySearchResult, memoryStatsResult, memoryStorageResult, memoryView, searchMemoryBody, storeMemoryBody, updateMemoryBody, } from '@dash/shared';
const created = (view) => ({ success: true, memoryId: view.id, employeeId: view.employeeId, type: view.type, memory: view });
/** The service opens with the store (after routes are registered): it is looked up per request. */
export const memoryRoutes = async (app, options) => {
    const memory = () => options.resolve().memory;
    for (const type of ['experience', 'knowledge', 'decision']) {
        app.post(`/api/memory/${type}`, { config: { access: 'manager' }, schema: { body: createMemoryBody, response: { 201: createMemoryResult } } }, async (req, reply) => reply.code(201).send(created(await memory().create(type, req.body))));
    }
    app.post('/api/memory/store', { config: { access: 'manager' }, schema: { body: storeMemoryBody, response: { 201: createMemoryResult } } }, async (req, reply) => {
        const { type, ...body } = req.body;
        return reply.code(201).send(created(await memory().create(type, body)));
    });
    app.post('/api/memory/interaction', { config: { access: 'manager' }, schema: { body: createInteractionBody, response: { 201: createMemoryResult } } }, async (req, reply) => reply.code(201).send(created(await memory().createInteraction(req.body))));
    app.post('/api/memory/search', { config: { access: 'viewer', audit: false }, schema: { body: searchMemoryBody, response: { 200: memorySearchResult } } }, async (req) => memory().search.search(req.body));
    app.post('/api/memory/context', { config: { access: 'viewer', audit: false }, schema: { body: memoryContextBody, response: { 200: memoryContextResult } } }, async (req) => memory().search.context(req.body));
    app.get('/api/memory/expertise/:employeeId/:domain', { config: { access: 'viewer' }, schema: { params: memoryExpertiseParams, response: { 200: memoryExpertiseResult } } }, async (req) => ({ success: true, expertise: await memory().insights.expertise(req.params.employeeId, req.params.domain) }));
    app.get('/api/memory/stats', { config: { access: 'viewer' }, schema: { response: { 200: memoryAllStatsResult } } }, async () => {
        const statistics = await memory().insights.allStats();
        const engine = memory().engine;
        return {
            success: true,
            statistics,
            totals: {
                totalMemories: statistics.reduce((n, s) => n + s.totalMemories, 0),
                archivedMemories: statistics.reduce((n, s) => n + s.archivedMemories, 0),
                pendingEmbeddings: statistics.reduce((n, s) => n + s.pendingEmbeddings, 0),
                embeddingProvider: engine.provider,
                embeddingDim: engine.dim,
                vectorIndex: engine.index,
            },
        };
    });
    app.get('/api/memory/stats/:employeeId', { config: { access: 'viewer' }, schema: { params: memoryEmployeeParams, response: { 200: memoryStatsResult } } }, async (req) => ({
        success: true,
        statistics: await memory().insights.stats(req.params.employeeId),
    }));
    app.post('/api/memory/cleanup', { config: { access: 'admin' }, schema: { body: memoryCleanupBody.prefault({}), response: { 200: memoryCompanyCleanupResult } } }, async (req) => {
        const { reports, errors, employees } = await memory().insights.cleanupAll(req.body);
        return {
            success: true,
            companyWideCleanup: {
                totalEmployees: employees,
                successfulCleanups: reports.length,
                failedCleanups: errors.length,
                aggregate: {
                    totalMemories: reports.reduce((n, r) => n + r.analysis.totalMemories, 0),
                    candidatesForArchival: reports.reduce((n, r) => n + r.analysis.candidatesForArchival, 0),
                    archivedCount: reports.reduce((n, r) => n + r.archival.archivedCount, 0),
                },
                employeeResults: reports,
                errors,
            },
        };
    });
    app.post('/api/memory/cleanup/:employeeId', { config: { access: 'admin' }, schema: { params: memoryEmployeeParams, body: memoryCleanupBody.prefault({}), response: { 200: memoryCleanupResult } } }, async (req) => ({ success: true, cleanup: await memory().insights.cleanup(req.params.employeeId, req.body) }));
    app.post('/api/memory/archive', { config: { access: 'manager' }, schema: { body: memoryBatchBody, response: { 200: memoryArchiveResult } } }, async (req) => {
        const { done, errors } = await memory().archive(req.body);
        return { success: true, archive: { archivedCount: done.length, archivedMemories: done, errors } };
    });
    app.post('/api/memory/restore', { config: { access: 'manager' }, schema: { body: memoryBatchBody, response: { 200: memoryRestoreResult } } }, async (req) => {
        const { done, errors } = await memory().restore(req.body);
        return { success: true, restore: { restoredCount: done.length, restoredMemories: done, errors } };
    });
    app.get('/api/memory/lifecycle/:employeeId', { config: { access: 'viewer' }, schema: { params: memoryEmployeeParams, response: { 200: memoryLifecycleResult } } }, async (req) => ({
        success: true,
        lifecycle: await memory().insights.lifecycle(req.params.employeeId),
    }));
    app.get('/api/memory/storage/:employeeId', { config: { access: 'viewer' }, schema: { params: memoryEmployeeParams, response: { 200: memoryStorageResult } } }, async (req) => ({
        success: true,
        storage: await memory().insights.storage(req.params.employeeId),
    }));
    app.post('/api/memory/reembed', { config: { access: 'admin' }, schema: { body: memoryReembedBody.prefault({}), response: { 200: memoryReembedResult } } }, async (req) => ({
        success: true,
        reembed: await memory().reembed(req.body.maxMemories),
    }));
    app.get('/api/memory', { config: { access: 'viewer' }, schema: { querystring: listMemoriesQuery, response: { 200: memoryList } } }, async (req) => memory().list(req.query));
    app.get('/api/memory/:id', { config: { access: 'viewer' }, schema: { params: memoryIdParams, querystring: memoryActorQuery, response: { 200: memoryView } } }, async (req) => memory().get(req.query.employeeId, req.params.id));
    app.patch('/api/memory/:id', { config: { access: 'manager' }, schema: { params: memoryIdParams, querystring: memoryActorQuery, body: updateMemoryBody, response: { 200: memoryView } } }, async (req) => memory().update(req.query.employeeId, req.params.id, req.body));
    app.delete('/api/memory/:id', { config: { access: 'manager' }, schema: { params: memoryIdParams, querystring: memoryActorQuery, response: { 200: memoryDeleteResult } } }, async (req) => {
        await memory().delete(req.query.employeeId, req.params.id);
        return { success: true, deleted: req.params.id };
    });
};
//# sourceMappingURL=memory-routes.js.map