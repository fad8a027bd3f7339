import type { SessionUser } from '../auth/session';

/**
 * Whether someone keeps records here: a practitioner keeps a portfolio, and anyone with a Social
 * Work England registration number (a supervisor, auditor, principal social worker…) keeps their
 * CPD records, which are portfolio records. Their programme, self-assessment, learning and
 * supervision pages stay a practitioner's.
 */
export const keepsPortfolio = (user: Pick<SessionUser, 'roles' | 'registered'>) =>
	user.registered || user.roles.includes('practitioner');
