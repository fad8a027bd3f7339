import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { FieldError } from '../errors';
import { getFramework } from '../framework';
import { openGuestLink } from '../links/guest-links';
import { assignRelationship } from '../people/relationships';
import { moderationPack } from '../programme/pack';
import { invitationsOf, invitationsToObserve } from './invitation-lists';
import {
	declineInvitation,
	inviteObservation,
	recordInvitedObservation,
	recordObservationByLink,
	withdrawInvitation,
	type InvitationInput
} from './invitations';
import { observationFor, type ObservationInput } from './observations';

const now = new Date('2026-11-23T09:30:00Z');
const later = new Date('2026-11-27T15:00:00Z');
const origin = 'https://golden-thread.example';

const observation: ObservationInput = {
	observedOn: '2026-11-26',
	setting: 'Home visit',
	wentWell: 'You explained why you were there before asking anything.',
	toDevelop: 'Check what the child understood before you left.',
	frameworkVersion: getFramework()!.version.id,
	outcomes: ['2.3'],
	statements: []
};

const invitation = (over: Partial<InvitationInput> = {}): InvitationInput => ({
	observer: 'assessor',
	observerEmail: '',
	observerName: '',
	plannedOn: '2026-11-26',
	setting: 'Home visit',
	...over
});

describe.each(testDatabases())('invitations to observe practice on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/** A practitioner with an assessor, and a colleague in the authority. */
	async function people() {
		const assessor = await newUser(db, { roles: ['supervisor'], name: 'Sam Assessor' });
		const practitioner = await newUser(db, { name: 'Priya Practitioner' });
		const colleague = await newUser(db, { name: 'Chris Colleague' });
		await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: practitioner,
			startsOn: '2026-09-01'
		});
		const emailOf = async (id: string) =>
			(await db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow())
				.email;
		return { assessor, practitioner, colleague, colleagueEmail: await emailOf(colleague) };
	}

	const statusOf = async (id: string) =>
		(
			await db
				.selectFrom('observation_invitations')
				.select(['status', 'evidence_id'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).status;

	const eventsOf = async (id: string) =>
		(
			await db
				.selectFrom('events')
				.select('action')
				.where('subject_id', '=', id)
				.orderBy('at')
				.execute()
		).map((e) => e.action);

	/** The token in the newest email to an address: what the observer would click. */
	async function tokenSentTo(email: string) {
		const mail = await db
			.selectFrom('outbox')
			.select(['body', 'subject'])
			.where('recipient', '=', email)
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		return { mail, token: mail.body.match(/\/observe\/(\S+)/)![1] };
	}

	it('an assessor invited sees it on their home page, records it once, and it is in the portfolio and the pack', async () => {
		const { assessor, practitioner } = await people();
		await newEnrolment(db, practitioner, '2026-09-01');
		const { id } = await inviteObservation(db, practitioner, invitation(), origin, now);
		expect(await invitationsToObserve(db, assessor)).toEqual([
			{
				id,
				planned_on: '2026-11-26',
				setting: 'Home visit',
				practitionerName: 'Priya Practitioner'
			}
		]);

		const evidenceId = await recordInvitedObservation(db, assessor, id, observation, later);

		expect(await statusOf(id)).toBe('recorded');
		expect(await invitationsToObserve(db, assessor)).toEqual([]);
		expect(await observationFor(db, evidenceId)).toMatchObject({
			practitioner_id: practitioner,
			observer_id: assessor,
			observerName: 'Sam Assessor'
		});
		const [listed] = await invitationsOf(db, practitioner);
		expect(listed).toMatchObject({ status: 'recorded', evidence_id: evidenceId });
		// It counts towards the observations the programme requires, as one the assessor started.
		const pack = await moderationPack(db, practitioner, getFramework()!);
		expect(pack.observations.map((o) => o.observerName)).toEqual(['Sam Assessor']);
		expect(pack.record?.checklist.find((i) => i.key === 'observations')?.status).toMatch(/^1 of /);
		// Recorded twice (a second tab, a double click): refused, and nothing more saved.
		await expect(
			recordInvitedObservation(db, assessor, id, observation, later)
		).rejects.toMatchObject({ field: 'form', status: 409 });
		const count = await db
			.selectFrom('observations')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('practitioner_id', '=', practitioner)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(1);
		expect(await eventsOf(id)).toEqual(['observation.invited']);
	});

	it('an external observer gets a link by email that records once, with their name "by link"', async () => {
		const { practitioner } = await people();
		const email = 'ama.owusu@partner.example';
		const { id } = await inviteObservation(
			db,
			practitioner,
			invitation({ observer: 'external', observerEmail: email, observerName: 'Ama Owusu' }),
			origin,
			now
		);
		const { mail, token } = await tokenSentTo(email);
		expect(mail.subject).toBe('Priya Practitioner asked you to observe their practice');
		expect(mail.body).toContain(`${origin}/observe/${token}`);
		// 14 days after the day planned, since that is later than 14 days after sending.
		expect(mail.body).toContain('The link works once, until 10 December 2026');
		const link = await openGuestLink(db, token, 'observation', '10.0.0.1', later);
		if (link.state !== 'open') throw new Error('the link should be open');
		expect(link.subjectId).toBe(id);

		const evidenceId = await recordObservationByLink(db, link, observation, true, later);

		expect(evidenceId).toBeTruthy();
		expect(await observationFor(db, evidenceId!)).toMatchObject({
			observer_id: null,
			observer_name: 'Ama Owusu',
			observerName: 'Ama Owusu (by link)'
		});
		const record = await db
			.selectFrom('evidence')
			.selectAll()
			.where('id', '=', evidenceId!)
			.executeTakeFirstOrThrow();
		expect(record).toMatchObject({ owner_id: practitioner, status: 'accepted', reviewed_by: null });
		expect(record.anonymity_confirmed_at).toBe(later.toISOString());
		expect(await statusOf(id)).toBe('recorded');
		// The link is used: a second answer saves nothing.
		expect(await recordObservationByLink(db, link, observation, false, later)).toBeNull();
		expect(await openGuestLink(db, token, 'observation', '10.0.0.1', later)).toMatchObject({
			state: 'used'
		});
	});

	it('a withdrawn invitation cannot be recorded, by the observer or by the link', async () => {
		const { assessor, practitioner } = await people();
		const { id } = await inviteObservation(db, practitioner, invitation(), origin, now);
		const email = 'withdrawn@partner.example';
		const { id: external } = await inviteObservation(
			db,
			practitioner,
			invitation({ observer: 'external', observerEmail: email, observerName: 'Jo Partner' }),
			origin,
			now
		);
		const { token } = await tokenSentTo(email);
		const link = await openGuestLink(db, token, 'observation', '10.0.0.2', now);
		if (link.state !== 'open') throw new Error('the link should be open');

		await withdrawInvitation(db, practitioner, id, later);
		await withdrawInvitation(db, practitioner, external, later);

		expect(await statusOf(id)).toBe('withdrawn');
		await expect(
			recordInvitedObservation(db, assessor, id, observation, later)
		).rejects.toBeInstanceOf(FieldError);
		await expect(declineInvitation(db, assessor, id, later)).rejects.toBeInstanceOf(FieldError);
		expect(await recordObservationByLink(db, link, observation, false, later)).toBeNull();
		expect(await openGuestLink(db, token, 'observation', '10.0.0.2', later)).toMatchObject({
			state: 'expired'
		});
		expect(await statusOf(external)).toBe('withdrawn');
		// Withdrawn once; a second time is refused.
		await expect(withdrawInvitation(db, practitioner, id, later)).rejects.toMatchObject({
			status: 409
		});
		expect(await eventsOf(id)).toEqual(['observation.invited', 'observation.invitation-withdrawn']);
	});

	it('only the practitioner withdraws, and only the person invited records or declines', async () => {
		const { assessor, practitioner, colleague, colleagueEmail } = await people();
		const stranger = await newUser(db, { roles: ['supervisor'] });
		const { id } = await inviteObservation(
			db,
			practitioner,
			invitation({ observer: 'colleague', observerEmail: colleagueEmail.toUpperCase() }),
			origin,
			now
		);
		await expect(withdrawInvitation(db, stranger, id, later)).rejects.toBeInstanceOf(FieldError);
		await expect(
			recordInvitedObservation(db, assessor, id, observation, later)
		).rejects.toBeInstanceOf(FieldError);
		await expect(declineInvitation(db, practitioner, id, later)).rejects.toBeInstanceOf(FieldError);
		expect(await statusOf(id)).toBe('open');

		await declineInvitation(db, colleague, id, later);

		expect(await statusOf(id)).toBe('declined');
		expect(await eventsOf(id)).toEqual(['observation.invited', 'observation.invitation-declined']);
	});

	it('refuses an invitation to nobody: no assessor, no such colleague, yourself, an outside assessor', async () => {
		const { practitioner, colleagueEmail } = await people();
		const alone = await newUser(db);
		const outsider = await newUser(db, { roles: ['external-assessor'] });
		const outsiderEmail = (
			await db
				.selectFrom('users')
				.select('email')
				.where('id', '=', outsider)
				.executeTakeFirstOrThrow()
		).email;
		const refusal = (who: string, input: InvitationInput) =>
			inviteObservation(db, who, input, origin, now).then(
				() => 'invited',
				(e: FieldError) => `${e.field}: ${e.message}`
			);
		expect(await refusal(alone, invitation())).toMatch(/^observer: You have no assessor/);
		expect(
			await refusal(
				practitioner,
				invitation({ observer: 'colleague', observerEmail: 'nobody@test.example' })
			)
		).toMatch(/^observerEmail: Nobody in the authority/);
		expect(
			await refusal(alone, invitation({ observer: 'colleague', observerEmail: colleagueEmail }))
		).toBe('invited');
		const own = (
			await db.selectFrom('users').select('email').where('id', '=', alone).executeTakeFirstOrThrow()
		).email;
		expect(await refusal(alone, invitation({ observer: 'colleague', observerEmail: own }))).toMatch(
			/not your own/
		);
		expect(
			await refusal(alone, invitation({ observer: 'colleague', observerEmail: outsiderEmail }))
		).toMatch(/assess from outside/);
	});
});
