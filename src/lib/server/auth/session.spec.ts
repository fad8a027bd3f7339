import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	absoluteTimeout,
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie
} from './session';

function fakeCookies() {
	const calls: { name: string; value?: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			calls.push({ name, value, options }),
		delete: (name: string, options: Record<string, unknown>) => calls.push({ name, options })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('the session cookie', () => {
	it('is HttpOnly, SameSite=Lax, Secure with the __Host- prefix behind HTTPS, and lasts 30 days at most', () => {
		const { cookies, calls } = fakeCookies();
		const created = new Date('2026-11-25T10:00:00Z');
		setSessionCookie(cookies, new URL('https://golden-thread.example.gov.uk/'), 'token', created);
		expect(calls[0]).toEqual({
			name: '__Host-session',
			value: 'token',
			options: {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: true,
				expires: new Date(created.getTime() + absoluteTimeout)
			}
		});
		deleteSessionCookie(cookies, new URL('https://golden-thread.example.gov.uk/'));
		expect(calls[1]).toEqual({ name: '__Host-session', options: { path: '/', secure: true } });
	});

	it('is a plain cookie on http (local development), where browsers refuse Secure and __Host-', () => {
		expect(sessionCookieName(new URL('http://localhost:3000/'))).toBe('session');
		const { cookies, calls } = fakeCookies();
		setSessionCookie(cookies, new URL('http://localhost:3000/'), 'token', new Date());
		expect(calls[0].options).toMatchObject({ secure: false, httpOnly: true, sameSite: 'lax' });
	});
});
