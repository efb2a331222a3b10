/**
 * Route guard for the real app (installed by main.ts): pages need a signed-in user, `meta.public`
 * pages (sign-in, setup) do not, `meta.role` pages need that role. While no admin exists, every
 * page leads to first-run setup. A 401 from any request (or the live feed closing with 4001)
 * sends the user to sign-in, back to where they were afterwards.
 */
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { onUnauthorized } from '../../shared/api/auth-hooks';
import { useAuthStore } from './auth-store';

export function installAuthGuard(router: Router, pinia: Pinia): () => void {
  const auth = useAuthStore(pinia);

  router.beforeEach(async (to) => {
    let session;
    try {
      session = await auth.load();
    } catch {
      // The server is unreachable: let the page render; its own requests show the problem.
      return true;
    }
    if (session.setupRequired) return to.name === 'setup' ? true : { name: 'setup' };
    if (to.name === 'setup') return session.authenticated ? { path: '/' } : { name: 'login' };
    if (to.meta.public) return to.name === 'login' && session.authenticated ? { path: safeNext(to.query.next) } : true;
    if (!session.authenticated) return { name: 'login', query: { next: to.fullPath } };
    if (to.meta.role !== undefined && !auth.can(to.meta.role)) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });

  return onUnauthorized(() => {
    const current = router.currentRoute.value;
    auth.expired();
    if (current.meta.public) return;
    void router.push({ name: 'login', query: { next: current.fullPath } });
  });
}

/** Only same-app paths: `next` comes from the URL and must not send the user elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
