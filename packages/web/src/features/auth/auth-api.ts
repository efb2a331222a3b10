/** /api/auth: who is signed in, sign-in and out, first-run setup, password change. */
import { authSession, type AuthSession, type ChangePasswordBody, type LoginBody, type SetupBody } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

const parseSession = (data: unknown): AuthSession => authSession.parse(data);

export const authApi = (client: HttpClient = http) => ({
  session: () => client.get('/api/auth/session', { parse: parseSession }),
  login: (body: LoginBody) => client.request('/api/auth/login', { method: 'POST', body, parse: parseSession }),
  setup: (body: SetupBody) => client.request('/api/auth/setup', { method: 'POST', body, parse: parseSession }),
  logout: () => client.request<void>('/api/auth/logout', { method: 'POST' }),
  changePassword: (body: ChangePasswordBody) => client.request<void>('/api/auth/password', { method: 'POST', body }),
});
