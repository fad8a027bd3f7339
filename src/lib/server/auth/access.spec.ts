import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { newUser, testDatabases } from '../db/testing';
import { assignRelationship, assignSupervisor } from '../people/relationships';
import { keepsPortfolio } from '../portfolio/owner';
import {
	createSession,
	generateSessionToken,
	validateSessionToken,
	type SessionUser
} from './session';

vi.mock('$app/server', () => ({ getRequestEvent: () => ({}) }));
const { canSeePractitioner, holdsRelationship, relationshipsHeld } = await import('./access');

const viewer = (id: string, roles: Role[]): SessionUser => ({
	id,
	roles,
	email: '',
	name: '',
	teamId: null,
	careerStage: null,
	registered: false
});

describe.each(testDatabases())('who may see a practitioner’s records, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('who keeps records here: practitioners, and anyone with a registration number', async () => {
		// As the session they sign in with says: it reads whether they have a number.
		const keeps = async (roles: Role[], sweNumber?: string) => {
			const token = generateSessionToken();
			await createSession(db, token, await newUser(db, { roles, sweNumber }));
			return keepsPortfolio((await validateSessionToken(db, token))!.user);
		};
		expect(await keeps(['practitioner'])).toBe(true);
		expect(await keeps(['practitioner'], 'SW100001')).toBe(true);
		for (const roles of [
			['supervisor'],
			['auditor'],
			['psw'],
			['admin'],
			['external-assessor']
		] as Role[][]) {
			expect(await keeps(roles, `SW${roles[0].length}00002`), roles[0]).toBe(true);
			expect(await keeps(roles), roles[0]).toBe(false);
		}
		expect(await keeps([], 'SW100003')).toBe(true);
		expect(await keeps([])).toBe(false);
	});

	it('the practitioner, their current supervisor, principal social workers and administrators', async () => {
		const practitioner = await newUser(db);
		const colleague = await newUser(db);
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const formerSupervisor = await newUser(db, { roles: ['supervisor'] });
		const otherSupervisor = await newUser(db, { roles: ['supervisor', 'auditor'] });
		await assignSupervisor(db, null, {
			supervisorId: formerSupervisor,
			superviseeId: practitioner,
			startsOn: '2025-01-01'
		});
		await assignSupervisor(db, null, {
			supervisorId: supervisor,
			superviseeId: practitioner,
			startsOn: '2025-06-01'
		});

		const may = (id: string, roles: Role[]) =>
			canSeePractitioner(db, viewer(id, roles), practitioner);
		expect(await may(practitioner, ['practitioner'])).toBe(true);
		expect(await may(supervisor, ['supervisor'])).toBe(true);
		expect(await may('psw-id', ['psw'])).toBe(true);
		expect(await may('admin-id', ['admin'])).toBe(true);
		expect(await may(colleague, ['practitioner'])).toBe(false);
		expect(await may(formerSupervisor, ['supervisor'])).toBe(false);
		expect(await may(otherSupervisor, ['supervisor', 'auditor'])).toBe(false);
		// A supervision only counts while the person still holds the supervisor role.
		expect(await may(supervisor, ['practitioner'])).toBe(false);
	});

	it('an external assessor: only the practitioners they assess, and only as their assessor', async () => {
		const assessed = await newUser(db);
		const other = await newUser(db);
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const assessor = await newUser(db, { roles: ['external-assessor'] });
		for (const practitioner of [assessed, other])
			await assignSupervisor(db, null, {
				supervisorId: supervisor,
				superviseeId: practitioner,
				startsOn: '2025-01-01'
			});
		await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: assessed,
			startsOn: '2025-02-01'
		});
		const them = viewer(assessor, ['external-assessor']);
		expect(await canSeePractitioner(db, them, assessed)).toBe(true);
		expect(await canSeePractitioner(db, them, other)).toBe(false);
		expect(await holdsRelationship(db, them, assessed, ['assessor'])).toBe(true);
		expect(await holdsRelationship(db, them, assessed, ['line-manager'])).toBe(false);
		// The supervisor still line-manages and supervises, but no longer assesses.
		const sam = viewer(supervisor, ['supervisor']);
		expect(await canSeePractitioner(db, sam, assessed)).toBe(true);
		expect(await holdsRelationship(db, sam, assessed, ['assessor'])).toBe(false);
		expect(await holdsRelationship(db, sam, other, ['assessor'])).toBe(true);
		// Every relationship held, asked at once: what a supervisee's page shows them.
		const kinds = async (who: SessionUser, of: string) =>
			(await relationshipsHeld(db, who, of)).sort();
		expect(await kinds(them, assessed)).toEqual(['assessor']);
		expect(await kinds(them, other)).toEqual([]);
		expect(await kinds(sam, assessed)).toEqual(['line-manager', 'practice-supervisor']);
		expect(await kinds(sam, other)).toEqual(['assessor', 'line-manager', 'practice-supervisor']);
		// Only what their roles let them hold: without the supervisor role, none.
		expect(await kinds(viewer(supervisor, ['practitioner']), other)).toEqual([]);
	});
});
