import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { addMs, days } from '../db/time';
import { openGuestLink } from '../links/guest-links';
import { auditPart } from './access';
import { getAudit } from './audits';
import { definition, finaliseTestAudit, newAudit } from './testing';
import { saveVoiceAnswer, voiceFindings } from './voice-answer';
import { askForView, auditVoices, mayNameVoices } from './voices';

const asked = new Date('2026-06-01T10:00:00Z');
let addresses = 0;
const address = () => `10.9.0.${++addresses}`;

describe.each(testDatabases())('audit voices on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/** Asks for a view on a new audit; the token from the email it sent. */
	async function ask(relationship: 'child' | 'parent-carer' | 'worker' = 'parent-carer') {
		const audit = await newAudit(db);
		const email = `${relationship}.${audit.id.slice(0, 8)}@example.com`;
		const id = await askForView(
			db,
			audit.auditor,
			audit.id,
			{ relationship, email, name: 'Dana Whitlock' },
			asked
		);
		const mail = await db
			.selectFrom('outbox')
			.selectAll()
			.where('recipient', '=', email)
			.executeTakeFirstOrThrow();
		const token = /\/have-your-say\/(\S+)/.exec(mail.body)![1];
		return { audit, id, email, mail, token };
	}

	const open = async (token: string, at = addMs(asked, days(1))) => {
		const link = await openGuestLink(db, token, 'audit-view', address(), at);
		if (link.state !== 'open') throw new Error(`the link is ${link.state}`);
		return link;
	};

	/** The addresses kept for an audit's views. */
	const storedEmails = async (auditId: string) =>
		(
			await db
				.selectFrom('audit_voice_contacts')
				.innerJoin('audit_voices', 'audit_voices.id', 'audit_voice_contacts.voice_id')
				.select('email')
				.where('audit_id', '=', auditId)
				.execute()
		).map((c) => c.email);

	const answer = { rating: 4, helped: 'They listened to us.', better: 'Call back sooner.' };

	it('emails a link that works for 14 days, telling them to leave out names and addresses', async () => {
		const { mail, token, id } = await ask();
		expect(mail.subject).toBe('Your view of the help given');
		expect(mail.body).toContain('Hello Dana Whitlock,');
		expect(mail.body).toContain('The link works once, until 15 June 2026.');
		expect(mail.body).toContain('do not write anyone’s name or address');
		expect(await open(token)).toMatchObject({ subjectId: id });
		expect(
			await openGuestLink(db, token, 'audit-view', address(), new Date('2026-06-15T10:00:00Z'))
		).toMatchObject({ state: 'expired' });
	});

	it('keeps one answer per link: the second is refused, and the email is forgotten with the first', async () => {
		const { audit, token } = await ask();
		const link = await open(token);
		const at = addMs(asked, days(2));
		expect(await saveVoiceAnswer(db, link, answer, false, at)).toBe(true);
		expect(await saveVoiceAnswer(db, link, { ...answer, rating: 1 }, false, at)).toBe(false);
		const [voice] = await auditVoices(db, audit.id, true, at);
		expect(voice).toMatchObject({ rating: 4, helped: 'They listened to us.', waiting: false });
		expect(voice.email).toBeUndefined();
		expect(await storedEmails(audit.id)).toEqual([]);
		expect(
			await openGuestLink(db, token, 'audit-view', address(), addMs(asked, days(3)))
		).toMatchObject({ state: 'used' });
	});

	it('names who gave a view to the auditor, and never to the audited worker, whatever else they are', async () => {
		const { audit, token } = await ask('parent-carer');
		await saveVoiceAnswer(db, await open(token), answer, false, addMs(asked, days(2)));
		const view = await getAudit(db, definition, audit.id);
		const user = async (id: string) => {
			const row = await db
				.selectFrom('users')
				.select(['id', 'name', 'email'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			const roles = await db
				.selectFrom('user_roles')
				.select('role')
				.where('user_id', '=', id)
				.execute();
			return {
				...row,
				roles: roles.map((r) => r.role),
				teamId: null,
				careerStage: null,
				registered: false
			};
		};
		const partOf = async (id: string) => auditPart(db, await user(id), view!);
		expect(mayNameVoices(await partOf(audit.auditor))).toBe(true);
		expect(mayNameVoices(await partOf(audit.manager))).toBe(false);
		const worker = await partOf(audit.practitioner);
		expect(mayNameVoices(worker)).toBe(false);
		// A principal social worker whose own practice is audited is still the worker here.
		expect(mayNameVoices({ ...worker, psw: true, moderator: true })).toBe(false);
		const [named] = await auditVoices(db, audit.id, true);
		expect(named).toMatchObject({ name: 'Dana Whitlock', relationshipName: 'A parent or carer' });
		const [unnamed] = await auditVoices(db, audit.id, false);
		expect(Object.keys(unnamed)).not.toContain('name');
		expect(Object.keys(unnamed)).not.toContain('email');
		expect(JSON.stringify(unnamed)).not.toContain('Dana');
		expect(unnamed).toMatchObject({ helped: 'They listened to us.', rating: 4 });
	});

	it('stops unanswered links working when the audit is finalised, and forgets their emails', async () => {
		const { audit, token } = await ask('child');
		expect((await auditVoices(db, audit.id, true, addMs(asked, days(1))))[0]).toMatchObject({
			waiting: true,
			email: expect.stringContaining('@example.com')
		});
		await finaliseTestAudit(db, audit, '2026-06-03');
		expect(
			await openGuestLink(db, token, 'audit-view', address(), new Date('2026-06-04T10:00:00Z'))
		).toMatchObject({ state: 'expired' });
		expect(await storedEmails(audit.id)).toEqual([]);
		await expect(
			askForView(db, audit.auditor, audit.id, {
				relationship: 'worker',
				email: 'late@example.com',
				name: ''
			})
		).rejects.toThrow('finalised');
	});

	it('warns of names and addresses in the answer, but not of the worker’s own name', () => {
		const findings = voiceFindings(
			{ helped: 'Priya Shah helped a lot.', better: 'Tom Jenkins at 14 Acacia Road was ignored.' },
			'Priya Shah'
		);
		expect(findings.map((f) => f.field)).toEqual(['better', 'better']);
		expect(findings.map((f) => f.match)).toEqual(
			expect.arrayContaining([expect.stringContaining('Acacia Road')])
		);
	});
});
