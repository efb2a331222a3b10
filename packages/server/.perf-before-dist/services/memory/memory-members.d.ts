import type { MemoryMember } from '../../domain/memory/memory-access.js';
import type { MemoryMemberDirectory } from '../../ports/memory-repository.js';
export declare function requireMember(members: MemoryMemberDirectory, employeeId: string): Promise<MemoryMember>;
