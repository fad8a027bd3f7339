import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, holderOfApiToken } from '../auth/api-tokens';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { addDays, dateOnly, timestamp } from '../db/time';
import { createFeedbackRequest } from '../feedback/requests';
import { homeFor } from '../home';
import { openGuestLink } from '../links/guest-links';
import { inviteObservation } from '../observation/invitations';
import { assessorChoices } from '../programme/assessor';
import { reviewQueue } from '../review/review';
import { openHandovers } from './handovers';
import { deactivatePerson } from './leavers';
import { assignRelationship, assignSupervisor, currentRelationships } from './relationships';
import { createTeam } from './teams';
import { getPerson, listPeopleWithRole, reactivatePerson } from './users';

describe.each(testDatabases())('leavers on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const today = dateOnly();
	const lastMonth = addDays(today, -30);

	/** A record of someone's, submitted for review. */
	async function submittedRecord(ownerId: string) {
		const id = crypto.randomUUID();
		await db
			.insertInto('evidence')
			.values({
				id,
				owner_id: ownerId,
				title: 'A submitted record',
				activity_date: lastMonth,
				type: 'reflective-account',
				account: 'What happened',
				reflection_model: 'free',
				reflection: '{}',
				cpd_type: null,
				cpd_relevance: '',
				cpd_learning: '',
				cpd_impact: '',
				peer_reflected: null,
				peer_reflection: '',
				cpd_minutes: null,
				status: 'submitted',
				version: 1,
				created_at: timestamp(),
				updated_at: timestamp(),
				submitted_at: timestamp(),
				anonymity_confirmed_at: timestamp(),
				reviewed_by: null,
				reviewed_at: null,
				review_feedback: null
			})
			.execute();
		return id;
	}

	it('signs a leaver out, revokes their tokens, and takes them out of pickers and queues', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const leaver = await newUser(db, { roles: ['supervisor'] });
		const practitioner = await newUser(db);
		await assignSupervisor(db, admin, {
			supervisorId: leaver,
			superviseeId: practitioner,
			startsOn: lastMonth
		});
		const record = await submittedRecord(practitioner);
		expect((await reviewQueue(db, leaver)).map((r) => r.id)).toContain(record);
		const session = generateSessionToken();
		await createSession(db, session, leaver);
		const { token } = await createApiToken(db, leaver, 'Reports');

		const ended = await deactivatePerson(db, admin, leaver);

		expect(ended).toMatchObject({ sessions: 1, tokens: 1, relationships: 3 });
		expect(await validateSessionToken(db, session)).toBeNull();
		expect(await holderOfApiToken(db, token)).toBeUndefined();
		expect((await getPerson(db, leaver))?.active).toBe(0);
		expect(await reviewQueue(db, leaver)).toEqual([]);
		expect((await listPeopleWithRole(db, 'supervisor')).map((p) => p.id)).not.toContain(leaver);
		expect((await assessorChoices(db)).map((p) => p.id)).not.toContain(leaver);
		expect(await currentRelationships(db, practitioner)).toEqual([]);
		// Their records, and the practitioner's, are kept.
		const kept = await db
			.selectFrom('evidence')
			.select('status')
			.where('id', '=', record)
			.execute();
		expect(kept).toEqual([{ status: 'submitted' }]);
		const actions = await db
			.selectFrom('events')
			.select('action')
			.where('subject_id', 'in', [leaver, practitioner])
			.execute();
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'person.deactivated',
				'relationship.ended',
				'relationship.handed-over'
			])
		);
		expect(await deactivatePerson(db, admin, leaver)).toBeNull();
	});

	it('hands each supervisee to their line manager, else their team manager, else the PSWs', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const psw = await newUser(db, { roles: ['psw'] });
		const leaver = await newUser(db, { roles: ['supervisor'] });
		const lineManager = await newUser(db, { roles: ['supervisor'] });
		const teamManager = await newUser(db, { roles: ['supervisor'] });
		const managed = await createTeam(db, admin, `Managed ${leaver}`, teamManager);
		const theirs = await createTeam(db, admin, `Leaver's ${leaver}`, leaver);
		const withLineManager = await newUser(db, { name: 'Ada Line' });
		const inManagedTeam = await newUser(db, { name: 'Ben Team', teamId: managed });
		const inLeaversTeam = await newUser(db, { name: 'Cal Psw', teamId: theirs });
		const planned = await newUser(db, { name: 'Dee Planned' });
		for (const superviseeId of [withLineManager, inManagedTeam, inLeaversTeam])
			await assignSupervisor(db, admin, {
				supervisorId: leaver,
				superviseeId,
				startsOn: lastMonth
			});
		// Ada's line manager is someone else from last week: the leaver was her line manager before.
		await assignRelationship(db, admin, {
			kind: 'line-manager',
			holderId: lineManager,
			practitionerId: withLineManager,
			startsOn: addDays(today, -7)
		});
		await assignSupervisor(db, admin, {
			supervisorId: leaver,
			superviseeId: planned,
			startsOn: addDays(today, 7)
		});
		await submittedRecord(inManagedTeam);
		// The leaver's own line manager, which ends too.
		await assignRelationship(db, admin, {
			kind: 'line-manager',
			holderId: lineManager,
			practitionerId: leaver,
			startsOn: lastMonth
		});

		const ended = await deactivatePerson(db, admin, leaver);

		expect(ended?.teams).toBe(1);
		expect(ended?.handovers).toEqual(
			expect.arrayContaining([
				{ practitionerId: withLineManager, attentionId: lineManager },
				{ practitionerId: inManagedTeam, attentionId: teamManager },
				{ practitionerId: inLeaversTeam, attentionId: null }
			])
		);
		expect(ended?.handovers).toHaveLength(3);
		const team = await db
			.selectFrom('teams')
			.selectAll()
			.where('id', '=', theirs)
			.executeTakeFirst();
		expect(team?.manager_id).toBeNull();
		// The planned relationship is kept, ending the day it would have started.
		const plannedRows = await db
			.selectFrom('supervisions')
			.select(['starts_on', 'ends_on'])
			.where('supervisee_id', '=', planned)
			.execute();
		expect(plannedRows.every((r) => r.ends_on === r.starts_on)).toBe(true);
		const leaversOwn = await db
			.selectFrom('supervisions')
			.select('ends_on')
			.where('supervisee_id', '=', leaver)
			.executeTakeFirst();
		expect(leaversOwn?.ends_on).toBe(today);

		const shown = async (id: string, roles: ('psw' | 'supervisor')[]) =>
			(await openHandovers(db, { id, roles })).map((h) => [h.practitionerName, h.unheld]);
		expect(await shown(lineManager, ['supervisor'])).toEqual([
			['Ada Line', ['practice-supervisor', 'assessor']]
		]);
		expect(await shown(teamManager, ['supervisor'])).toEqual([
			['Ben Team', ['line-manager', 'practice-supervisor', 'assessor']]
		]);
		expect(await shown(psw, ['psw'])).toContainEqual([
			'Cal Psw',
			['line-manager', 'practice-supervisor', 'assessor']
		]);
		expect((await shown(psw, ['psw'])).map(([name]) => name)).not.toContain('Ben Team');

		// On the team manager's home page, with what is waiting.
		const home = await homeFor(db, {
			id: teamManager,
			email: '',
			name: '',
			roles: ['supervisor'],
			teamId: null,
			careerStage: null,
			registered: false
		});
		expect(home.handovers).toMatchObject([
			{ practitionerName: 'Ben Team', awaitingReview: 1, reviewsDue: 0, canOpen: false }
		]);

		// Someone new holding every relationship again: the handover is done.
		await assignSupervisor(db, admin, {
			supervisorId: teamManager,
			superviseeId: inManagedTeam,
			startsOn: today
		});
		expect(await shown(teamManager, ['supervisor'])).toEqual([]);

		// The line manager leaving too: Ada's handover comes to the PSWs.
		await deactivatePerson(db, admin, lineManager);
		expect((await shown(psw, ['psw'])).map(([name]) => name)).toContain('Ada Line');

		// Reactivating lets them sign in, without their relationships.
		await reactivatePerson(db, admin, leaver);
		expect((await getPerson(db, leaver))?.active).toBe(1);
		expect(await currentRelationships(db, withLineManager)).toEqual([]);
	});

	it('stops the links a leaver sent for feedback or an observation, and forgets the addresses', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const leaver = await newUser(db, { name: 'Priya Leaver' });
		const asked = new Date();
		const { id: requestId, token } = await createFeedbackRequest(
			db,
			{ id: leaver, name: 'Priya Leaver' },
			{ relationship: 'parent-carer', name: '', email: 'parent@test.example', evidence: null },
			asked
		);
		const external = await inviteObservation(
			db,
			leaver,
			{
				observer: 'external',
				observerEmail: 'observer@partner.example',
				observerName: 'Ama Owusu',
				plannedOn: addDays(today, 7),
				setting: 'Home visit'
			},
			'https://golden-thread.example',
			asked
		);
		const openLinks = () =>
			db
				.selectFrom('guest_links')
				.select('id')
				.where('subject_id', 'in', [requestId, external.id])
				.where('expires_at', '>', timestamp())
				.execute();
		expect(await openLinks()).toHaveLength(2);

		const ended = await deactivatePerson(db, admin, leaver);

		expect(ended?.requests).toBe(2);
		expect(await openLinks()).toEqual([]);
		const link = await openGuestLink(db, token, 'feedback', '10.9.9.9');
		expect(link.state).toBe('expired');
		const request = await db
			.selectFrom('feedback_requests')
			.select('withdrawn_at')
			.where('id', '=', requestId)
			.executeTakeFirstOrThrow();
		expect(request.withdrawn_at).not.toBeNull();
		const contacts = await db
			.selectFrom('feedback_contacts')
			.select('request_id')
			.where('request_id', '=', requestId)
			.execute();
		expect(contacts).toEqual([]);
		const invitation = await db
			.selectFrom('observation_invitations')
			.select('status')
			.where('id', '=', external.id)
			.executeTakeFirstOrThrow();
		expect(invitation.status).toBe('withdrawn');
	});
});
