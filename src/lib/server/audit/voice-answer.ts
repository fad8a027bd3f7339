import { z } from 'zod';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { timestamp } from '../db/time';
import { spendGuestLink } from '../links/guest-links';
import { checkAnonymity } from '../portfolio/anonymity';
import { voiceRelationshipNames } from '../../audit/voices';

// The answer someone gives by their link: a rating (a picture scale for a child) and what has
// helped and what could be better, in their own words, checked for names and addresses.

const words = z.string().trim().max(5000, 'Must be 5,000 characters or fewer').default('');

export const voiceAnswerSchema = z.object({
	rating: z.enum(['1', '2', '3', '4', '5'], { error: 'Choose how it has been' }).transform(Number),
	helped: words,
	better: words
});

export type VoiceAnswer = z.infer<typeof voiceAnswerSchema>;

/** A child's form asks the same in simpler words; the messages say it their way too. */
export const childRatingMessage = 'Choose the face that shows how you feel';

/** The voice a link answers, with what its page needs: never the audit's or anyone's details. */
export async function voiceForLink(db: Db, voiceId: string) {
	const voice = await db
		.selectFrom('audit_voices')
		.innerJoin('audits', 'audits.id', 'audit_voices.audit_id')
		.innerJoin('users', 'users.id', 'audits.practitioner_id')
		.select(['audit_voices.id', 'audit_voices.relationship', 'users.name as workerName'])
		.where('audit_voices.id', '=', voiceId)
		.executeTakeFirst();
	return voice && { ...voice, relationshipName: voiceRelationshipNames[voice.relationship] };
}

/** Names, addresses and other details in the answer that may identify someone. */
export function voiceFindings(answer: Pick<VoiceAnswer, 'helped' | 'better'>, workerName: string) {
	return checkAnonymity(
		[
			{ name: 'helped', label: 'What has helped', text: answer.helped },
			{ name: 'better', label: 'What could be better', text: answer.better }
		],
		// The worker is who they are talking about: their name is no one's secret here.
		{ allowedNames: [workerName] }
	);
}

/**
 * Keeps the answer and uses the link up, in one transaction. False, with nothing kept, when the
 * link was used meanwhile (another tab) or has stopped working. The email is forgotten with it.
 */
export async function saveVoiceAnswer(
	db: Db,
	link: { id: string; subjectId: string },
	answer: VoiceAnswer,
	anonymityConfirmed: boolean,
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		if (!(await spendGuestLink(tx, link.id, now))) return false;
		const voice = await tx
			.updateTable('audit_voices')
			.set({
				answered_at: timestamp(now),
				rating: answer.rating,
				helped: answer.helped,
				better: answer.better,
				anonymity_confirmed_at: anonymityConfirmed ? timestamp(now) : null
			})
			.where('id', '=', link.subjectId)
			.returning(['audit_id', 'relationship'])
			.executeTakeFirstOrThrow();
		await tx.deleteFrom('audit_voice_contacts').where('voice_id', '=', link.subjectId).execute();
		await recordEvent(
			tx,
			{
				actorId: null,
				action: 'audit.voice-answered',
				subjectType: 'audit',
				subjectId: voice.audit_id,
				detail: { relationship: voice.relationship }
			},
			now
		);
		return true;
	});
}
