/** How task facts read in the UI. Enum lists mirror @dash/shared (checked with `satisfies`). */
import type { AssignmentScore, StoredTaskStatus, TaskPriority, TaskStatus } from '@dash/shared';
import type { Tone } from '../../shared/ui/tone';

export const taskStatusLabels: Readonly<Record<TaskStatus, string>> = {
  pending: 'Pending',
  queued: 'Queued',
  running: 'Running',
  completed: 'Awaiting review',
  failed: 'Failed',
  cancelled: 'Cancelled',
  resolved: 'Resolved',
  reopened: 'Reopened',
  blocked: 'Blocked',
};

export function taskStatusTone(status: TaskStatus): Tone {
  switch (status) {
    case 'resolved':
      return 'ok';
    case 'completed':
    case 'blocked':
    case 'reopened':
      return 'warning';
    case 'failed':
      return 'critical';
    case 'pending':
    case 'queued':
    case 'running':
    case 'cancelled':
      return 'neutral';
  }
}

export const storedStatuses = [
  'pending',
  'queued',
  'running',
  'completed',
  'failed',
  'blocked',
  'resolved',
  'cancelled',
] as const satisfies readonly StoredTaskStatus[];

export interface BoardColumn {
  readonly id: string;
  readonly title: string;
  readonly hint: string;
  readonly statuses: readonly StoredTaskStatus[];
}

/** The board, left to right in the order work flows. */
export const boardColumns: readonly BoardColumn[] = [
  { id: 'pending', title: 'Pending', hint: 'Waiting for dependencies', statuses: ['pending'] },
  { id: 'queued', title: 'Queued', hint: 'Waiting for a free employee', statuses: ['queued'] },
  { id: 'running', title: 'Running', hint: 'An agent is working on it', statuses: ['running'] },
  { id: 'completed', title: 'Awaiting review', hint: 'Done: resolve or reopen', statuses: ['completed'] },
  { id: 'failed', title: 'Failed / blocked', hint: 'Needs attention', statuses: ['failed', 'blocked'] },
  { id: 'resolved', title: 'Resolved', hint: 'Accepted', statuses: ['resolved'] },
  { id: 'cancelled', title: 'Cancelled', hint: 'Stopped by a person', statuses: ['cancelled'] },
];

export const priorities = ['urgent', 'high', 'medium', 'low'] as const satisfies readonly TaskPriority[];

export const priorityLabels: Readonly<Record<TaskPriority, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export function priorityTone(priority: TaskPriority): Tone {
  switch (priority) {
    case 'urgent':
      return 'critical';
    case 'high':
      return 'warning';
    case 'medium':
    case 'low':
      return 'neutral';
  }
}

/** The review actions a status allows (the server stays the judge: task-state-machine.ts). */
export const canResolve = (status: TaskStatus): boolean => status === 'completed';
export const canReopen = (status: TaskStatus): boolean => status === 'completed' || status === 'resolved';
export const canCancel = (status: TaskStatus): boolean =>
  status === 'pending' || status === 'queued' || status === 'running' || status === 'failed' || status === 'blocked';

export const scoreParts: ReadonlyArray<{ key: Exclude<keyof AssignmentScore, 'total'>; label: string; hint: string }> = [
  { key: 'skillMatch', label: 'Skill match', hint: 'Share of the required skills the employee has' },
  { key: 'freeSlots', label: 'Free slots', hint: 'Free slots out of the employee’s maximum when decided' },
  { key: 'priorityWeight', label: 'Priority weight', hint: 'How much this priority favours skill over free capacity' },
  { key: 'successRate', label: 'Success rate', hint: 'Recent run success rate (50% before any run)' },
];

export const commentKindLabels: Readonly<Record<string, string>> = {
  general: 'Comment',
  resolution: 'Resolution',
  reopen_reason: 'Reopen reason',
  system: 'System',
};

/** The short id shown next to titles (ids are UUIDs). */
export const shortId = (id: string): string => (id.length > 12 ? id.slice(0, 8) : id);
