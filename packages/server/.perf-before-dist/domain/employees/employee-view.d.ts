/** The API view of a stored employee: the record plus derived workload and measured stats. */
import { type EmployeeStats, type EmployeeView } from '@dash/shared';
import type { StoredEmployee } from '../../ports/employee-repository.js';
export declare function toEmployeeView(stored: StoredEmployee, slotsUsed: number, stats: EmployeeStats | null): EmployeeView;
