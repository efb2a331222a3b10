/**
 * The two things every API call needs from the sign-in state, kept outside Pinia so the HTTP
 * client and the live feed can use them without a store: the CSRF token (sent as `x-csrf-token`
 * on every state-changing request; the session cookie itself is httpOnly and never seen by
 * JavaScript) and who to tell when the server says the session is gone (401), so the app can go
 * to the sign-in page.
 */
import { CSRF_HEADER } from '@dash/shared';

let csrfToken: string | null = null;
const unauthorizedHandlers = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header to add to a POST/PUT/PATCH/DELETE (empty before sign-in). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { [CSRF_HEADER]: csrfToken };
}

/** Called when a request or the live feed is refused for want of a valid session. */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandlers.add(handler);
  return () => unauthorizedHandlers.delete(handler);
}

export function notifyUnauthorized(): void {
  for (const handler of [...unauthorizedHandlers]) handler();
}

/** Codes that mean "sign in (again)", as opposed to a wrong password at the sign-in form. */
export const SIGN_IN_AGAIN_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'AUTH_CREDENTIALS_INVALID']);
