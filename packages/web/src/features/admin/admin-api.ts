/** Admin API: users, API tokens, sessions and the audit log. */
import {
  apiToken,
  apiTokenList,
  auditList,
  createdApiToken,
  sessionList,
  user,
  userList,
  type ApiToken,
  type AuditList,
  type CreateApiTokenBody,
  type CreateUserBody,
  type CreatedApiToken,
  type ListAuditQuery,
  type SessionView,
  type UpdateUserBody,
  type User,
} from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export const adminApi = (client: HttpClient = http) => ({
  users: async (): Promise<User[]> => (await client.get('/api/users', { parse: (d) => userList.parse(d) })).items,
  createUser: (body: CreateUserBody) => client.request('/api/users', { method: 'POST', body, parse: (d) => user.parse(d) }),
  updateUser: (id: string, body: UpdateUserBody) =>
    client.request(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, parse: (d) => user.parse(d) }),
  tokens: async (): Promise<ApiToken[]> => (await client.get('/api/tokens', { parse: (d) => apiTokenList.parse(d) })).items,
  createToken: (body: CreateApiTokenBody): Promise<CreatedApiToken> =>
    client.request('/api/tokens', { method: 'POST', body, parse: (d) => createdApiToken.parse(d) }),
  revokeToken: (id: string) => client.request(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', parse: (d) => apiToken.parse(d) }),
  sessions: async (): Promise<SessionView[]> => (await client.get('/api/sessions', { parse: (d) => sessionList.parse(d) })).items,
  revokeSession: (id: string) => client.request<void>(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  audit: (query: ListAuditQuery): Promise<AuditList> =>
    client.get('/api/audit', { query: { ...query }, parse: (d) => auditList.parse(d) }),
});
