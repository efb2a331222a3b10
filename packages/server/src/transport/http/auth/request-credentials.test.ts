import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, cookieValue, presentedCredential, sessionCookie } from './request-credentials.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

describe('request credentials', () => {
  it('reads a bearer token first, then the session cookie', () => {
    expect(presentedCredential(req({ authorization: 'Bearer abc', cookie: 'dash_session=s1' }))).toEqual({ kind: 'token', value: 'abc' });
    expect(presentedCredential(req({ cookie: 'theme=dark; dash_session=s1; other=x' }))).toEqual({ kind: 'session', value: 's1' });
    expect(presentedCredential(req({}))).toBeNull();
    expect(presentedCredential(req({ cookie: 'theme=dark' }))).toBeNull();
  });

  it('calls malformed what is not a credential (refused, never looked up)', () => {
    expect(presentedCredential(req({ authorization: 'Basic Zm9vOmJhcg==' }))).toEqual({ kind: 'malformed' });
    expect(presentedCredential(req({ authorization: 'Bearer' }))).toEqual({ kind: 'malformed' });
    expect(presentedCredential(req({ authorization: `Bearer ${'x'.repeat(600)}` }))).toEqual({ kind: 'malformed' });
    expect(presentedCredential(req({ cookie: 'dash_session=' }))).toEqual({ kind: 'malformed' });
  });

  it('parses cookie headers and writes httpOnly SameSite=Strict cookies', () => {
    expect(cookieValue('a=1; b = 2 ;c=3', 'b')).toBe('2');
    expect(cookieValue('a=1', 'b')).toBeNull();
    expect(sessionCookie('tok', { secure: false })).toBe('dash_session=tok; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('tok', { secure: true })).toBe('dash_session=tok; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(clearedSessionCookie({ secure: false })).toContain('Max-Age=0');
  });
});
