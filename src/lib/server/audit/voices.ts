import { voiceRelationshipNames } from '../../audit/voices';
import { formatDate } from '../../format';
import type { ExpressionBuilder } from 'kysely';
import { inTransaction, type Database, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import type { VoiceRelationship } from '../db/schema';
import { addMs, timestamp } from '../db/time';
import { publicOrigin } from '../http/origin.js';
import { createGuestLink, guestLinkLifetime, withdrawGuestLinks } from '../links/guest-links';
import { sendMail } from '../mail/outbox';
import type { AuditPart } from './access';
import { draftAudit } from './audits';

// Audit voices: the auditor asks the child, a parent or carer, or the worker for their view of
// the case, by a link that works once for 14 days and needs no account. The answer is kept with
// the audit. Whoever gave it is named only to the auditors, the moderator and principal social
// workers: never to the worker whose practice is audited. Links still unanswered when the audit
// is finalised stop working then (a finalised audit is frozen), and their emails are forgotten.

export interface VoiceRequest {
	relationship: VoiceRelationship;
	email: string;
	name: string;
}

/** Sends the link and keeps the request; refused once the audit is finalised. */
export async function askForView(
	db: Db,
	actorId: string,
	auditId: string,
	request: VoiceRequest,
	now = new Date()
) {
	const id = newId();
	await inTransaction(db, async (tx) => {
		await draftAudit(tx, auditId);
		await tx
			.insertInto('audit_voices')
			.values({
				id,
				audit_id: auditId,
				relationship: request.relationship,
				name: request.name,
				requested_by: actorId,
				requested_at: timestamp(now)
			})
			.execute();
		const until = addMs(now, guestLinkLifetime);
		await tx
			.insertInto('audit_voice_contacts')
			.values({ voice_id: id, email: request.email, expires_at: timestamp(until) })
			.execute();
		const token = await createGuestLink(tx, 'audit-view', id, { now });
		await sendMail(tx, invitation(request, token, until), now);
		await recordEvent(
			tx,
			{
				actorId,
				action: 'audit.voice-requested',
				subjectType: 'audit',
				subjectId: auditId,
				detail: { relationship: request.relationship }
			},
			now
		);
	});
	return id;
}

function invitation({ relationship, email, name }: VoiceRequest, token: string, until: Date) {
	const about =
		relationship === 'worker'
			? 'the work with a child and family you are involved with'
			: relationship === 'child'
				? 'the help you have had from your social worker'
				: 'the help your family has had from children’s social work';
	return {
		to: email,
		subject: relationship === 'child' ? 'Tell us what you think' : 'Your view of the help given',
		body: [
			`Hello${name ? ` ${name}` : ''},`,
			`We are checking how well our social work helps children and families, and we would like to know what you think about ${about}. It takes about five minutes and you do not need an account.`,
			`${publicOrigin()}/have-your-say/${token}`,
			`The link works once, until ${formatDate(until)}. Please do not write anyone’s name or address in your answer.`,
			'If you were not expecting this email, you can ignore it.'
		].join('\n\n')
	};
}

/**
 * Whether someone may know who gave a view: the auditors, the moderator and principal social
 * workers, but never the worker whose practice is audited, whatever else they are.
 */
export const mayNameVoices = (part: AuditPart) =>
	(part.auditor || part.moderator || part.psw) && !part.practitioner;

/** In a query on audit_voices: the voice's link, if it can still be used. */
export function openLinkOf(eb: ExpressionBuilder<Database, 'audit_voices'>, now: Date) {
	return eb
		.selectFrom('guest_links')
		.select('guest_links.id')
		.where('guest_links.purpose', '=', 'audit-view')
		.whereRef('guest_links.subject_id', '=', 'audit_voices.id')
		.where('guest_links.used_at', 'is', null)
		.where('guest_links.expires_at', '>', timestamp(now));
}

export interface VoiceSeen {
	id: string;
	relationship: VoiceRelationship;
	relationshipName: string;
	/** Only for those who may know who gave the view; absent, never empty, otherwise. */
	name?: string;
	/** Only while the link can be used, and only for those who may know who was asked. */
	email?: string;
	requestedAt: string;
	answeredAt: string | null;
	/** Not answered and the link still works. */
	waiting: boolean;
	rating: number | null;
	helped: string;
	better: string;
}

/**
 * The views asked for on an audit, oldest first. `named` says whether the viewer may know who
 * gave each (the auditors, the moderator, principal social workers): without it there is no
 * name or email in what comes back, so no page can show them by mistake.
 */
export async function auditVoices(db: Db, auditId: string, named: boolean, now = new Date()) {
	const rows = await db
		.selectFrom('audit_voices')
		.leftJoin('audit_voice_contacts', (join) =>
			join
				.onRef('audit_voice_contacts.voice_id', '=', 'audit_voices.id')
				.on('audit_voice_contacts.expires_at', '>', timestamp(now))
		)
		.select([
			'audit_voices.id',
			'audit_voices.relationship',
			'audit_voices.name',
			'audit_voice_contacts.email',
			'audit_voices.requested_at',
			'audit_voices.answered_at',
			'audit_voices.rating',
			'audit_voices.helped',
			'audit_voices.better'
		])
		.select((eb) => eb.exists(openLinkOf(eb, now)).as('open'))
		.where('audit_voices.audit_id', '=', auditId)
		.orderBy('audit_voices.requested_at')
		.orderBy('audit_voices.id')
		.execute();
	return rows.map((row): VoiceSeen => {
		const waiting = !row.answered_at && Boolean(row.open);
		return {
			id: row.id,
			relationship: row.relationship,
			relationshipName: voiceRelationshipNames[row.relationship],
			...(named ? { name: row.name } : {}),
			...(named && waiting && row.email ? { email: row.email } : {}),
			requestedAt: row.requested_at,
			answeredAt: row.answered_at,
			waiting,
			rating: row.rating,
			helped: row.helped,
			better: row.better
		};
	});
}

/** At finalising: links not yet answered stop working, and their emails are forgotten. */
export async function withdrawVoiceLinks(tx: Db, auditId: string, now: Date) {
	const waiting = await tx
		.selectFrom('audit_voices')
		.select('id')
		.where('audit_id', '=', auditId)
		.where('answered_at', 'is', null)
		.execute();
	await withdrawGuestLinks(
		tx,
		'audit-view',
		waiting.map((v) => v.id),
		now
	);
	await tx
		.deleteFrom('audit_voice_contacts')
		.where('voice_id', 'in', (eb) =>
			eb.selectFrom('audit_voices').select('id').where('audit_id', '=', auditId)
		)
		.execute();
}
