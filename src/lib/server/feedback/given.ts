import type { Db } from '../db';
import { prepared } from '../db/prepared';

// Feedback given by link as others read it: on its record, and on the practitioner's page for
// those who supervise and assess them.

/**
 * Whether a record is feedback given by link: by whom, when, and the record it is about;
 * undefined for any other record.
 */
export function givenByLink(db: Db, evidenceId: string) {
	return db
		.selectFrom('feedback_requests')
		.leftJoin('evidence as about', 'about.id', 'feedback_requests.about_id')
		.select([
			'feedback_requests.relationship',
			'feedback_requests.name',
			'feedback_requests.answered_at',
			'feedback_requests.about_id',
			'about.title as aboutTitle'
		])
		.where('feedback_requests.record_id', '=', evidenceId)
		.executeTakeFirst();
}

/**
 * Every answer a practitioner has had by link, newest first, with its record's status. Shown
 * to their supervisors and assessor from the moment it is given, even while the practitioner's
 * reflection on it is a draft: feedback asked for is not the practitioner's to keep back.
 */
export const feedbackGivenTo = prepared((db, practitionerId: string) =>
	db
		.selectFrom('feedback_requests')
		.innerJoin('evidence', 'evidence.id', 'feedback_requests.record_id')
		.select([
			'evidence.id',
			'evidence.title',
			'evidence.account',
			'evidence.status',
			'feedback_requests.relationship',
			'feedback_requests.answered_at'
		])
		.where('feedback_requests.practitioner_id', '=', practitionerId)
		.orderBy('feedback_requests.answered_at', 'desc')
);
