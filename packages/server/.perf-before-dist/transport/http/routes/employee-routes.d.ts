import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EmployeeRegistryService } from '../../../services/employees/employee-registry-service.js';
export interface EmployeeRoutesDeps {
    employees: EmployeeRegistryService;
}
export declare const employeeRoutes: FastifyPluginAsyncZod<EmployeeRoutesDeps>;
