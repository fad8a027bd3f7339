import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { newUser, testDatabases } from '../db/testing';
import { assignRelationship, assignSupervisor } from '../people/relationships';
import { createEvidence, getEvidence, setMapping, submitEvidence } from '../portfolio/evidence';
import { acceptEvidence, isReviewed, notifySubmitted, returnEvidence, reviewQueue } from './review';

describe.each(testDatabases())('reviewing evidence on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	async function submitted(ownerRoles: Role[] = ['practitioner']) {
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const other = await newUser(db, { roles: ['supervisor'] });
		const practitioner = await newUser(db, { roles: ownerRoles });
		await assignSupervisor(db, null, {
			supervisorId: supervisor,
			superviseeId: practitioner,
			startsOn: '2026-01-01'
		});
		const id = await createEvidence(db, practitioner, {
			title: 'A visit',
			activityDate: '2026-10-01',
			type: 'observation',
			account: 'An account.',
			reflectionModel: 'free',
			reflection: { text: 'A reflection.' },
			cpdType: null,
			cpdRelevance: '',
			cpdLearning: '',
			cpdImpact: '',
			peerReflected: null,
			peerReflection: '',
			cpdMinutes: null
		});
		await setMapping(db, practitioner, id, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			statements: [
				{ outcomeId: '2.3', statementId: '2.3 D1' },
				{ outcomeId: '2.3', statementId: '2.3 D2' }
			]
		});
		await submitEvidence(db, practitioner, id, 2, false);
		return { supervisor, other, practitioner, id };
	}

	it('queues submitted evidence for the current supervisor only, and tells them', async () => {
		const { supervisor, other, id } = await submitted();
		expect((await reviewQueue(db, supervisor)).map((r) => r.id)).toContain(id);
		expect((await reviewQueue(db, other)).map((r) => r.id)).not.toContain(id);
		await notifySubmitted(db, id, 'http://localhost');
		const mail = await db
			.selectFrom('outbox')
			.selectAll()
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(mail.subject).toMatch(/^Evidence to review from /);
		expect(mail.body).toContain(`http://localhost/portfolio/${id}`);
	});

	it('reviews nobody’s records but a practitioner’s: anyone else’s are their own CPD log', async () => {
		// A supervisor keeping their CPD records, whom someone holds a relationship to all the same.
		const { supervisor, practitioner: owner, id } = await submitted(['supervisor', 'auditor']);
		expect(await isReviewed(db, owner)).toBe(false);
		expect((await reviewQueue(db, supervisor)).map((r) => r.id)).not.toContain(id);
		const mailBefore = await db.selectFrom('outbox').select('id').execute();
		await notifySubmitted(db, id, 'http://localhost');
		expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(mailBefore.length);
		await expect(acceptEvidence(db, supervisor, id, [], 'http://localhost')).rejects.toMatchObject({
			field: 'review',
			message: 'This is the CPD record of someone who is not a practitioner: nobody reviews it'
		});
		await expect(
			returnEvidence(db, supervisor, id, 'Change it', 'http://localhost')
		).rejects.toMatchObject({ field: 'feedback' });
		expect((await getEvidence(db, id))?.status).toBe('submitted');
	});

	it('refuses a reviewer who is not the practitioner’s assessor, and a return without feedback', async () => {
		const { other, supervisor, id } = await submitted();
		await expect(acceptEvidence(db, other, id, [], 'http://localhost')).rejects.toMatchObject({
			field: 'review'
		});
		await expect(returnEvidence(db, other, id, 'No', 'http://localhost')).rejects.toMatchObject({
			field: 'feedback',
			message: 'Only the practitioner’s assessor can review this record'
		});
		await expect(returnEvidence(db, supervisor, id, ' ', 'http://localhost')).rejects.toMatchObject(
			{
				field: 'feedback',
				message: 'Write feedback saying what to change'
			}
		);
		expect((await getEvidence(db, id))?.status).toBe('submitted');
	});

	it('the assessor reviews, not the line manager or practice supervisor', async () => {
		const { supervisor, practitioner, id } = await submitted();
		const assessor = await newUser(db, {
			roles: ['external-assessor'],
			email: `a-${id}@x.example`
		});
		await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: practitioner,
			startsOn: '2026-02-01'
		});
		expect((await reviewQueue(db, supervisor)).map((r) => r.id)).not.toContain(id);
		expect((await reviewQueue(db, assessor)).map((r) => r.id)).toEqual([id]);
		await expect(acceptEvidence(db, supervisor, id, [], 'http://localhost')).rejects.toThrow(
			'assessor'
		);
		await notifySubmitted(db, id, 'http://localhost');
		const told = await db
			.selectFrom('outbox')
			.select('subject')
			.where('recipient', '=', `a-${id}@x.example`)
			.execute();
		expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/^Evidence to review/)]);
		await acceptEvidence(db, assessor, id, [], 'http://localhost');
		expect((await getEvidence(db, id))?.status).toBe('accepted');
	});

	it('accepts, narrowing the statements, or returns with feedback, and tells the practitioner', async () => {
		const first = await submitted();
		await acceptEvidence(db, first.supervisor, first.id, ['2.3 D2'], 'http://localhost');
		expect(await getEvidence(db, first.id)).toMatchObject({
			status: 'accepted',
			reviewed_by: first.supervisor,
			statements: [{ statementId: '2.3 D2' }]
		});
		await expect(
			acceptEvidence(db, first.supervisor, first.id, [], 'http://localhost')
		).rejects.toThrow('is accepted, not waiting');

		const second = await submitted();
		await returnEvidence(
			db,
			second.supervisor,
			second.id,
			'Say what the child said.',
			'http://localhost'
		);
		expect(await getEvidence(db, second.id)).toMatchObject({
			status: 'returned',
			review_feedback: 'Say what the child said.'
		});
		const subjects = (await db.selectFrom('outbox').select('subject').execute()).map(
			(m) => m.subject
		);
		expect(subjects).toContain('Evidence accepted: A visit');
		expect(subjects).toContain('Evidence returned with feedback: A visit');
	});
});
