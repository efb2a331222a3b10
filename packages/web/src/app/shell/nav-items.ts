/** Primary navigation: one list drives the sidebar links, the `g <key>` shortcuts and their help. */
import type { IconName } from '../../shared/ui/icons';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: IconName;
  /** Second key of the `g <key>` shortcut. */
  readonly key: string;
}

export const navItems: readonly NavItem[] = [
  { to: '/', label: 'Overview', icon: 'overview', key: 'o' },
  { to: '/tasks', label: 'Tasks', icon: 'tasks', key: 't' },
  { to: '/employees', label: 'Employees', icon: 'employees', key: 'e' },
  { to: '/workflows', label: 'Workflows', icon: 'workflows', key: 'w' },
  { to: '/schedules', label: 'Schedules', icon: 'refresh', key: 'c' },
  { to: '/memory', label: 'Memory', icon: 'memory', key: 'm' },
  { to: '/system', label: 'System', icon: 'system', key: 's' },
];

/** Admin pages, shown in the sidebar to admins only (no shortcut keys). */
export const adminNavItems: readonly Omit<NavItem, 'key'>[] = [
  { to: '/admin/users', label: 'Users', icon: 'lock' },
  { to: '/admin/audit', label: 'Audit log', icon: 'audit' },
];
