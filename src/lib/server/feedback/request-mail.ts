import { formatDate } from '$lib/format';
import { isFamily, type FeedbackRelationship } from '$lib/feedback/vocabulary';
import type { Mail } from '../mail/outbox';

// The email that asks someone for feedback: who asks and why, in plain words, and the link. It
// never names a child or family, nor the record the feedback is about (its title may say more
// than the person asked should read in an email).

export interface RequestMail {
	to: string;
	relationship: FeedbackRelationship;
	/** A colleague's or agency worker's name, to greet them; families are not greeted by name. */
	name: string | null;
	practitionerName: string;
	link: string;
	expiresAt: Date;
}

const why: Record<FeedbackRelationship, string> = {
	child: 'would like to hear what you think about how they have worked with you',
	'parent-carer':
		'would like to hear what you think about how they have worked with you and your family',
	colleague: 'would like your feedback on their practice, as a colleague who has worked with them',
	'partner-agency': 'would like your feedback on their practice, from your work with them',
	'external-assessor': 'would like your feedback on their practice, as an assessor'
};

export function requestMail(mail: RequestMail): Mail {
	const { practitionerName: who, relationship } = mail;
	const greeting = !isFamily(relationship) && mail.name ? `Dear ${mail.name},` : 'Hello,';
	const form =
		relationship === 'child'
			? 'It is a short form with pictures. You can fill it in on your own, or with someone to help you.'
			: 'It is a short form and takes about five minutes.';
	return {
		to: mail.to,
		subject: `${who} would like your feedback`,
		body: [
			greeting,
			`${who} is a social worker. They ${why[relationship]}, so that they can keep learning and get better at their work.`,
			`${form} You do not need an account:`,
			mail.link,
			`The link works once, until ${formatDate(mail.expiresAt)}.`,
			'Please leave out names and addresses, including your own: write “my son” or “the family” instead of a name.',
			`What you write goes into ${who}’s record of their professional development, where they, and the people who supervise and assess them, will read it.`,
			'If you were not expecting this email, you can ignore it.'
		].join('\n\n')
	};
}

/** Tells the practitioner an answer has come, with where to reflect on it. */
export function answeredMail(
	to: { email: string; name: string },
	giver: string,
	link: string
): Mail {
	return {
		to: to.email,
		subject: `Feedback from ${giver}`,
		body: `Dear ${to.name},\n\nFeedback you asked for has arrived, from ${giver}. It is a draft record in your portfolio: add your reflection, choose the outcomes it shows and submit it.\n\n${link}`
	};
}
