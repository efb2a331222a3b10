/**
 * The signed-in user as a Pinia store. `load()` asks the server (GET /api/auth/session) once per
 * page load and after sign-in/out; the CSRF token it returns goes to the HTTP client. The session
 * cookie is httpOnly: this store never sees it.
 */
import type { AuthSession, AuthUser, LoginBody, SetupBody, UserRole } from '@dash/shared';
import { roleSatisfies } from '@dash/shared';
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { setCsrfToken } from '../../shared/api/auth-hooks';
import { authApi } from './auth-api';

const signedOut: AuthSession = { authenticated: false, setupRequired: false, user: null, via: null, csrfToken: null, expiresAt: null };

export const useAuthStore = defineStore('auth', () => {
  const session = shallowRef<AuthSession | null>(null);
  let loading: Promise<AuthSession> | null = null;

  function apply(next: AuthSession): AuthSession {
    session.value = next;
    setCsrfToken(next.csrfToken);
    return next;
  }

  /** The current session from the server (cached until `refresh` or a sign-in/out). */
  function load(): Promise<AuthSession> {
    if (session.value !== null) return Promise.resolve(session.value);
    loading ??= authApi()
      .session()
      .then(apply)
      .finally(() => (loading = null));
    return loading;
  }

  function refresh(): Promise<AuthSession> {
    session.value = null;
    return load();
  }

  async function login(body: LoginBody): Promise<AuthSession> {
    return apply(await authApi().login(body));
  }

  async function setup(body: SetupBody): Promise<AuthSession> {
    return apply(await authApi().setup(body));
  }

  async function logout(): Promise<void> {
    try {
      await authApi().logout();
    } finally {
      apply(signedOut);
    }
  }

  /** The server said the session is gone: forget it (the guard sends the user to sign-in). */
  function expired(): void {
    apply(signedOut);
  }

  const user = computed<AuthUser | null>(() => session.value?.user ?? null);
  const can = (role: UserRole): boolean => roleSatisfies(user.value?.role ?? null, role);

  return { session, user, load, refresh, login, setup, logout, expired, can };
});
