import type { SessionUser } from '../auth/session';
import type { Db } from '../db';

/**
 * Whether someone keeps records here: a practitioner keeps a portfolio, and anyone with a Social
 * Work England registration number (a supervisor, auditor, principal social worker…) keeps their
 * CPD records, which are portfolio records. Their programme, self-assessment, learning and
 * supervision pages stay a practitioner's.
 */
export async function keepsPortfolio(db: Db, user: Pick<SessionUser, 'id' | 'roles'>) {
	if (user.roles.includes('practitioner')) return true;
	const person = await db
		.selectFrom('users')
		.select('swe_number')
		.where('id', '=', user.id)
		.executeTakeFirst();
	return Boolean(person?.swe_number);
}
