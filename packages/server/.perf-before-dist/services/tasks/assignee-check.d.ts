import type { EmployeeRepository } from '../../ports/employee-repository.js';
export declare function assertAssignable(employees: Pick<EmployeeRepository, 'get'>, employeeId: string, path: string): Promise<void>;
