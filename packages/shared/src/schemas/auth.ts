/**
 * Authentication, users, API tokens, sessions and the audit log (REST shapes).
 *
 * Roles are ordered: viewer < manager < admin; a role may do everything the lower ones may.
 * Every REST route and live-feed topic declares the least role it needs, or `public`
 * (docs/security.md has the table). The browser signs in with a session cookie and sends
 * `x-csrf-token` on every state-changing request; scripts send `Authorization: Bearer <token>`.
 */
import { z } from 'zod';

export const userRoles = ['viewer', 'manager', 'admin'] as const;
export const userRole = z.enum(userRoles);
export type UserRole = z.infer<typeof userRole>;

/** What a route or topic requires: a role, or nothing (`public`). */
export type AccessLevel = UserRole | 'public';

const ROLE_RANK: Record<UserRole, number> = { viewer: 1, manager: 2, admin: 3 };

/** Whether `role` may do what `required` allows (public: everyone, even nobody signed in). */
export function roleSatisfies(role: UserRole | null, required: AccessLevel): boolean {
  if (required === 'public') return true;
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[required];
}

/** The lower of two roles (a token never exceeds its owner's current role). */
export const lowerRole = (a: UserRole, b: UserRole): UserRole => (ROLE_RANK[a] <= ROLE_RANK[b] ? a : b);

/** The header the browser sends the CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
/** The session cookie (httpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'dash_session';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Lower-case letters, digits and `._-`, 2 to 64 characters, starting with a letter or digit. */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'Use 2 to 64 characters: a-z, 0-9, ".", "_" or "-", starting with a letter or digit');

export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);

export const loginBody = z
  .object({
    username: z.string().min(1).max(64),
    // Checked, not validated: a login never says whether a password would have been allowed.
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBody>;

/** First start without DASHBOARD_ADMIN_PASSWORD: the token printed to the log → the first admin. */
export const setupBody = z
  .object({
    setupToken: z.string().min(1).max(200),
    username,
    password,
  })
  .strict();
export type SetupBody = z.infer<typeof setupBody>;

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: password }).strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const authUser = z.object({
  id: z.string(),
  username: z.string(),
  role: userRole,
});
export type AuthUser = z.infer<typeof authUser>;

/** `GET /api/auth/session`: who the caller is (if anyone) and whether first-run setup is pending. */
export const authSession = z.object({
  authenticated: z.boolean(),
  /** No admin with a password exists yet: the SPA shows the setup page. */
  setupRequired: z.boolean(),
  user: authUser.nullable(),
  /** How the caller authenticated. */
  via: z.enum(['session', 'token']).nullable(),
  /** Send as `x-csrf-token` on state-changing requests (session callers only). */
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type AuthSession = z.infer<typeof authSession>;

// ---- users (admin) ------------------------------------------------------------------------

export const user = z.object({
  id: z.string(),
  username: z.string(),
  role: userRole,
  disabled: z.boolean(),
  /** False for a user created without a password (e.g. the DASHBOARD_ADMIN_TOKEN owner). */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

export const userList = z.object({ items: z.array(user) });
export type UserList = z.infer<typeof userList>;

export const createUserBody = z.object({ username, password, role: userRole }).strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

/** Disabling a user or changing their role or password ends their sessions at once. */
export const updateUserBody = z
  .object({ role: userRole.optional(), disabled: z.boolean().optional(), password: password.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Give at least one of role, disabled, password');
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const idParams = z.object({ id: z.string().min(1).max(100) }).strict();

// ---- sessions -------------------------------------------------------------------------------

export const sessionView = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request was made with. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionList = z.object({ items: z.array(sessionView) });
export type SessionList = z.infer<typeof sessionList>;

export const listSessionsQuery = z.object({ userId: z.string().min(1).max(100).optional() }).strict();

// ---- API tokens (admin) ---------------------------------------------------------------------

export const API_TOKEN_MAX_DAYS = 366;

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, to recognize it; the token itself is never shown again. */
  prefix: z.string(),
  role: userRole,
  userId: z.string(),
  username: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenList = z.object({ items: z.array(apiToken) });
export type ApiTokenList = z.infer<typeof apiTokenList>;

export const createApiTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: userRole,
    expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(90),
  })
  .strict();
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;

/** The one response that carries the token: store it now, it is kept only as a hash. */
export const createdApiToken = z.object({ token: z.string(), apiToken });
export type CreatedApiToken = z.infer<typeof createdApiToken>;

// ---- audit log (admin) ----------------------------------------------------------------------

export const auditOutcomes = ['ok', 'failed', 'denied'] as const;
export const auditOutcome = z.enum(auditOutcomes);
export type AuditOutcome = z.infer<typeof auditOutcome>;

export const auditActorKinds = ['user', 'token', 'anonymous', 'system'] as const;

export const auditEntry = z.object({
  id: z.string(),
  /** Insertion order; the list is newest first. */
  seq: z.number().int(),
  at: z.string(),
  actorKind: z.enum(auditActorKinds),
  /** User id (also for tokens: the owner), null for anonymous callers and the system. */
  actorId: z.string().nullable(),
  /** Username (`name (token)` for API tokens), or the name tried at a failed login. */
  actorName: z.string().nullable(),
  /** `auth.login`, `auth.login_failed`, ... or `METHOD /route/template` for API changes. */
  action: z.string(),
  /** What was acted on: the path parameters (`id=…`), or a user name. */
  target: z.string().nullable(),
  status: z.number().int().nullable(),
  outcome: auditOutcome,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAuditQuery = z
  .object({
    /** Username or user id (exact). */
    actor: z.string().min(1).max(100).optional(),
    /** Prefix of the action (`auth.`, `POST /api/tasks`). */
    action: z.string().min(1).max(200).optional(),
    outcome: auditOutcome.optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z.coerce.number().int().positive().optional(),
  })
  .strict();
/** What a client sends (query values as numbers/strings). */
export interface ListAuditQuery {
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: number;
}
/** What the server gets after parsing (limit defaulted). */
export type ListAuditParams = z.output<typeof listAuditQuery>;

export const auditList = z.object({ items: z.array(auditEntry), nextCursor: z.number().int().nullable() });
export type AuditList = z.infer<typeof auditList>;
