/**
 * Client routes. Pages are lazy-loaded so the initial bundle holds only the shell; the server
 * answers unknown paths with index.html and the catch-all route renders the not-found page.
 */
import type { UserRole } from '@dash/shared';
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Document title prefix; the app name is appended. */
    title?: string;
    /** Reachable without signing in (sign-in, first-run setup). */
    public?: boolean;
    /** Rendered without the shell (no sidebar): the sign-in and setup pages. */
    bare?: boolean;
    /** The least role the page needs (the server enforces it on every request anyway). */
    role?: UserRole;
  }
}

export const APP_NAME = 'Multi-Agent Dashboard';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('../pages/OverviewPage.vue'), meta: { title: 'Overview' } },
  { path: '/tasks', name: 'tasks', component: () => import('../pages/TasksPage.vue'), meta: { title: 'Tasks' } },
  {
    path: '/tasks/:id',
    name: 'task',
    component: () => import('../pages/TaskDetailPage.vue'),
    props: true,
    meta: { title: 'Task' },
  },
  {
    path: '/runs/:id',
    name: 'run',
    component: () => import('../pages/RunDetailPage.vue'),
    props: true,
    meta: { title: 'Run' },
  },
  {
    path: '/employees',
    name: 'employees',
    component: () => import('../pages/EmployeesPage.vue'),
    meta: { title: 'Employees' },
  },
  {
    path: '/employees/:id',
    name: 'employee',
    component: () => import('../pages/EmployeeDetailPage.vue'),
    props: true,
    meta: { title: 'Employee' },
  },
  {
    path: '/workflows',
    name: 'workflows',
    component: () => import('../pages/WorkflowsPage.vue'),
    meta: { title: 'Workflows' },
  },
  {
    path: '/workflows/runs/:id',
    name: 'workflow-run',
    component: () => import('../pages/WorkflowRunPage.vue'),
    props: true,
    meta: { title: 'Workflow run' },
  },
  { path: '/schedules', name: 'schedules', component: () => import('../pages/SchedulesPage.vue'), meta: { title: 'Schedules' } },
  { path: '/memory', name: 'memory', component: () => import('../pages/MemoryPage.vue'), meta: { title: 'Memory' } },
  {
    path: '/memory/:id',
    name: 'memory-detail',
    component: () => import('../pages/MemoryDetailPage.vue'),
    props: (route) => ({ id: String(route.params.id), employeeId: typeof route.query.employee === 'string' ? route.query.employee : '' }),
    meta: { title: 'Memory' },
  },
  { path: '/system', name: 'system', component: () => import('../pages/SystemPage.vue'), meta: { title: 'System' } },
  { path: '/admin/users', name: 'admin-users', component: () => import('../pages/UsersPage.vue'), meta: { title: 'Users and tokens', role: 'admin' } },
  { path: '/admin/audit', name: 'admin-audit', component: () => import('../pages/AuditPage.vue'), meta: { title: 'Audit log', role: 'admin' } },
  { path: '/login', name: 'login', component: () => import('../pages/LoginPage.vue'), meta: { title: 'Sign in', public: true, bare: true } },
  { path: '/setup', name: 'setup', component: () => import('../pages/SetupPage.vue'), meta: { title: 'First-run setup', public: true, bare: true } },
  { path: '/forbidden', name: 'forbidden', component: () => import('../pages/ForbiddenPage.vue'), meta: { title: 'Not allowed' } },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../pages/NotFoundPage.vue'),
    meta: { title: 'Page not found' },
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    linkActiveClass: 'is-active',
    linkExactActiveClass: 'is-exact',
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ${APP_NAME}` : APP_NAME;
  });
  return router;
}
