/**
 * Client routes. Pages are lazy-loaded so the initial bundle holds only the shell; the server
 * answers unknown paths with index.html and the catch-all route renders the not-found page.
 */
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Document title prefix; the app name is appended. */
    title?: string;
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
  { path: '/memory', name: 'memory', component: () => import('../pages/MemoryPage.vue'), meta: { title: 'Memory' } },
  { path: '/system', name: 'system', component: () => import('../pages/SystemPage.vue'), meta: { title: 'System' } },
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
