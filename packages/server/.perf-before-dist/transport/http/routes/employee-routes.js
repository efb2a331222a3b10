/**
 * /api/employees: the AI-employee registry (list with filters, one employee, allow-listed edits,
 * role prompt), its file export, status and reload; /api/departments; /api/skills (the one skill
 * vocabulary, for pickers).
 */
import { departmentList, employeeIdParams, employeeList, employeePrompt, employeeView, listEmployeesQuery, registryFile, registryReloadResult, registryStatus, reloadRegistryQuery, skillCatalog, skillCategoryIds, skillCategoryLabels, skillList, updateEmployeeBody, } from '@dash/shared';
const skills = {
    items: [...skillCatalog],
    categories: skillCategoryIds.map((id) => ({ id, label: skillCategoryLabels[id] })),
};
export const employeeRoutes = async (app, deps) => {
    const { employees } = deps;
    app.get('/api/employees', { config: { access: 'viewer' }, schema: { querystring: listEmployeesQuery, response: { 200: employeeList } } }, async (req) => ({
        items: await employees.list(req.query),
    }));
    // Static segments win over `:id` in the router, so these never shadow an employee id.
    app.get('/api/employees/registry/status', { config: { access: 'viewer' }, schema: { response: { 200: registryStatus } } }, async () => employees.status());
    app.get('/api/employees/registry/export', { config: { access: 'viewer' }, schema: { response: { 200: registryFile } } }, async (_req, reply) => {
        reply.header('content-disposition', 'attachment; filename="employee-registry.json"');
        return employees.export();
    });
    app.post('/api/employees/registry/reload', { config: { access: 'admin' }, schema: { querystring: reloadRegistryQuery, response: { 200: registryReloadResult } } }, async (req) => employees.reloadOrThrow({ force: req.query.force }));
    app.get('/api/employees/:id', { config: { access: 'viewer' }, schema: { params: employeeIdParams, response: { 200: employeeView } } }, async (req) => employees.get(req.params.id));
    app.patch('/api/employees/:id', { config: { access: 'admin' }, schema: { params: employeeIdParams, body: updateEmployeeBody, response: { 200: employeeView } } }, async (req) => employees.update(req.params.id, req.body));
    app.get('/api/employees/:id/prompt', { config: { access: 'viewer' }, schema: { params: employeeIdParams, response: { 200: employeePrompt } } }, async (req) => employees.prompt(req.params.id));
    app.get('/api/departments', { config: { access: 'viewer' }, schema: { response: { 200: departmentList } } }, async () => ({
        items: await employees.departments(),
    }));
    app.get('/api/skills', { config: { access: 'viewer' }, schema: { response: { 200: skillList } } }, async () => skills);
};
//# sourceMappingURL=employee-routes.js.map