import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newEnrolment, newEvidence, newUser, testDatabases } from '../db/testing';
import { addMs, days } from '../db/time';
import { publicOrigin } from '../http/origin.js';
import { openGuestLink } from '../links/guest-links';
import { readPortfolio } from '../export/portfolio-data';
import { assignRelationship } from '../people/relationships';
import { deleteDraft } from '../portfolio/delete-draft';
import { getEvidence, setMapping, submitEvidence } from '../portfolio/evidence';
import { programmeFor } from '../programme';
import { assessmentRecord } from '../programme/assessment-record';
import { acceptEvidence } from '../review/review';
import type { FeedbackAnswer } from './answers';
import { listFeedbackRequests } from './list';
import {
	createFeedbackRequest,
	sendFeedbackRequestAgain,
	withdrawFeedbackRequest,
	type FeedbackRequestInput
} from './requests';
import { saveFeedbackAnswer } from './save-answer';

// Feedback by link on each database: the request and its email, the answer saved once through
// its link and becoming a draft record, expiry, withdrawal and sending again, what the list
// keeps, and the panel's checklist counting the answers once accepted.

const asked = new Date('2026-11-02T09:00:00Z');
const later = (n: number) => addMs(asked, days(n));
const parent: FeedbackRequestInput = {
	relationship: 'parent-carer',
	name: 'Mrs Kowalczyk',
	email: 'parent@test.example',
	evidence: null
};
const answer: FeedbackAnswer = {
	scale: null,
	texts: { wentWell: 'She listened and explained things.', couldBeBetter: 'Call before visiting.' }
};

describe.each(testDatabases())('feedback by link on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	// Each test from an address of its own, so their guessing limits never meet.
	const open = (token: string, at: Date) =>
		openGuestLink(db, token, 'feedback', `10.${newId().slice(0, 8)}`, at);
	const asker = async () => {
		const id = await newUser(db, { name: 'Priya Shah' });
		return { id, name: 'Priya Shah' };
	};
	const mailTo = (email: string) =>
		db
			.selectFrom('outbox')
			.selectAll()
			.where('recipient', '=', email)
			.orderBy('created_at', 'desc')
			.execute();

	it('emails a link that works once, saving the answer as a draft record of the practitioner’s', async () => {
		const priya = await asker();
		const about = await newEvidence(db, priya.id, { title: 'Visit to the K family at 3 Elm Road' });
		const email = `${newId()}@test.example`;
		const { id, token } = await createFeedbackRequest(
			db,
			priya,
			{ ...parent, email, evidence: about },
			asked
		);
		const [mail] = await mailTo(email);
		expect(mail.subject).toBe('Priya Shah would like your feedback');
		expect(mail.body).toContain(`${publicOrigin()}/feedback/${token}`);
		expect(mail.body).toContain('The link works once, until 16 November 2026.');
		// Never the family's name, nor the record it is about.
		expect(mail.body).not.toMatch(/Kowalczyk|Elm Road|K family/);

		const link = await open(token, later(3));
		if (link.state !== 'open') throw new Error('the link should be open');
		const recordId = await saveFeedbackAnswer(db, link, answer, { now: later(3) });
		expect(recordId).toBeTruthy();
		const record = (await getEvidence(db, recordId!))!;
		expect(record).toMatchObject({
			owner_id: priya.id,
			type: 'feedback-child-family',
			status: 'draft',
			title: 'Feedback from a parent or carer',
			activity_date: '2026-11-05'
		});
		expect(record.account).toBe(
			'Given by link by a parent or carer on 5 November 2026.\n\n' +
				'What went well?\nShe listened and explained things.\n\n' +
				'What could have been better?\nCall before visiting.'
		);
		// Used once: the same link again saves nothing, and then reads as used.
		expect(await saveFeedbackAnswer(db, link, answer, { now: later(3) })).toBeNull();
		expect(await open(token, later(4))).toEqual({ state: 'used', usedAt: later(3) });
		// The address went with the answer; the practitioner was told.
		expect(
			await db.selectFrom('feedback_contacts').selectAll().where('request_id', '=', id).execute()
		).toEqual([]);
		const [list] = await listFeedbackRequests(db, priya.id, later(4));
		expect(list).toMatchObject({ state: 'answered', record_id: recordId, email: null, name: null });
		expect(list.aboutTitle).toBe('Visit to the K family at 3 Elm Road');
		const [told] = await db
			.selectFrom('outbox')
			.selectAll()
			.where('subject', '=', 'Feedback from a parent or carer')
			.execute();
		expect(told.body).toContain(`/portfolio/${recordId}`);
		// In her portfolio as data, as any record is.
		const { records } = await readPortfolio(db, priya.id, publicOrigin(), later(4));
		expect(records.map((r) => [r.title, r.account])).toContainEqual([record.title, record.account]);
		// Someone else's words: it cannot be deleted as a draft can.
		await expect(deleteDraft(db, priya.id, recordId!)).rejects.toThrow(/cannot be deleted/);
	});

	it('expires after 14 days: the link says so, saves nothing, and the address is forgotten', async () => {
		const priya = await asker();
		const { token } = await createFeedbackRequest(db, priya, { ...parent, name: '' }, asked);
		const last = addMs(later(14), -1000);
		expect((await open(token, last)).state).toBe('open');
		const link = await open(token, last);
		if (link.state !== 'open') throw new Error('the link should be open');
		expect(await open(token, later(14))).toEqual({ state: 'expired', expiresAt: later(14) });
		expect(await saveFeedbackAnswer(db, link, answer, { now: later(14) })).toBeNull();
		const [request] = await listFeedbackRequests(db, priya.id, later(14));
		expect(request).toMatchObject({ state: 'expired', email: null, record_id: null });
		expect(
			await db.selectFrom('evidence').select('id').where('owner_id', '=', priya.id).execute()
		).toEqual([]);
	});

	it('sends a waiting request again with a new link, the old one stopped; withdrawn, neither works', async () => {
		const priya = await asker();
		const colleague = { ...parent, relationship: 'colleague' as const, name: 'Jo Baker' };
		const { id, token: first } = await createFeedbackRequest(db, priya, colleague, asked);
		await sendFeedbackRequestAgain(db, priya, id, later(10));
		const [again] = await mailTo(parent.email);
		expect(again.body).toMatch(/^Dear Jo Baker,/);
		expect(again.body).toContain('until 26 November 2026');
		const second = again.body.match(/\/feedback\/(\S+)/)![1];
		expect(second).not.toBe(first);
		expect((await open(first, later(11))).state).toBe('expired');
		expect((await open(second, later(20))).state).toBe('open');
		const [waiting] = await listFeedbackRequests(db, priya.id, later(11));
		expect(waiting).toMatchObject({ state: 'waiting', name: 'Jo Baker', email: parent.email });

		await withdrawFeedbackRequest(db, priya.id, id, later(12));
		expect((await open(second, later(12))).state).toBe('expired');
		const [withdrawn] = await listFeedbackRequests(db, priya.id, later(12));
		expect(withdrawn).toMatchObject({ state: 'withdrawn', email: null });
		// Nothing more to do with it, and nobody else may.
		await expect(withdrawFeedbackRequest(db, priya.id, id, later(13))).rejects.toThrow(
			/can no longer be answered/
		);
		const other = await asker();
		await expect(sendFeedbackRequestAgain(db, other, id, later(13))).rejects.toThrow(
			/no such request/
		);
	});

	it('refuses a record that is not theirs to be asked about', async () => {
		const [priya, other] = [await asker(), await asker()];
		const theirs = await newEvidence(db, other.id);
		await expect(
			createFeedbackRequest(db, priya, { ...parent, evidence: theirs }, asked)
		).rejects.toThrow('Choose one of your records from the list, or none');
		expect(await listFeedbackRequests(db, priya.id, asked)).toEqual([]);
	});

	it('counts towards the panel’s required feedback once accepted, like any other record', async () => {
		const priya = await asker();
		const assessor = await newUser(db, { roles: ['supervisor'] });
		await newEnrolment(db, priya.id, '2026-09-01');
		await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: priya.id,
			startsOn: '2026-09-01'
		});
		const required = async () => {
			const programme = (await programmeFor(db, priya.id, '2026-11-20'))!;
			const { checklist } = await assessmentRecord(db, priya.id, programme);
			return checklist.find((item) => item.key === 'evidence-feedback-child-family')!.status;
		};
		const records: string[] = [];
		for (const relationship of ['child', 'parent-carer'] as const) {
			const { token } = await createFeedbackRequest(db, priya, { ...parent, relationship }, asked);
			const link = await open(token, later(1));
			if (link.state !== 'open') throw new Error('the link should be open');
			const scale = relationship === 'child' ? ('good' as const) : null;
			records.push((await saveFeedbackAnswer(db, link, { ...answer, scale }, { now: later(1) }))!);
		}
		// Drafts, their reflection unwritten: not counted yet.
		expect(await required()).toBe('0 of 2 pieces of feedback from people who use services');
		for (const id of records) {
			await setMapping(db, priya.id, id, 1, {
				frameworkVersion: 'pqs-2025',
				outcomes: ['5.1'],
				statements: []
			});
			await submitEvidence(db, priya.id, id, 2, false);
		}
		expect(await required()).toBe(
			'0 of 2 pieces of feedback from people who use services; 2 more await review'
		);
		for (const id of records) await acceptEvidence(db, assessor, id, [], publicOrigin());
		expect(await required()).toBe('Done');
	});
});
