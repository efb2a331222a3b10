/**
 * Registry sync with the `ai-employees/` folder (docs/bridge.md): export the effective registry
 * (file + API edits) back into the file, or import (re-read) the folder.
 */
import { registryExportBody, registryExportResult, registryReloadResult, reloadRegistryQuery } from '@dash/shared';
import '../auth/access-types.js';
export const bridgeRegistryRoutes = async (app, options) => {
    app.post('/api/bridge/registry/export', { config: { access: 'admin' }, schema: { body: registryExportBody.optional(), response: { 200: registryExportResult } } }, async (req) => options.resolve().export({ force: req.body?.force ?? false }));
    app.post('/api/bridge/registry/import', { config: { access: 'admin' }, schema: { querystring: reloadRegistryQuery, response: { 200: registryReloadResult } } }, async (req) => options.resolve().import({ force: req.query.force }));
};
//# sourceMappingURL=bridge-registry-routes.js.map