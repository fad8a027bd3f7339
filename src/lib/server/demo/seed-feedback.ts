import type { DemoProgramme } from '../content/demo';
import { createFeedbackRequest } from '../feedback/requests';
import { saveFeedbackAnswer } from '../feedback/save-answer';
import { listEvidence } from '../portfolio/list';
import { openLink, type Demo } from './authority';

/**
 * The demo ASYE's feedback by link, asked and answered through the same functions as the pages:
 * a parent's answer (its link used) and a request still waiting for its answer.
 */
export async function seedDemoFeedback({ db, content, person, ago }: Demo) {
	const { answered, waiting } = content.programme.feedback;
	const asker = person(content.programme.demoAsye);
	const records = await listEvidence(db, asker.id);
	const ask = async ({ relationship, name = '', email, about, daysAgo }: DemoRequest) => {
		const record = about ? records.find((r) => r.title === about) : null;
		if (record === undefined) throw new Error(`the demo ASYE has no record "${about}"`);
		const input = { relationship, name, email, evidence: record?.id ?? null };
		return createFeedbackRequest(db, asker, input, ago(daysAgo));
	};
	const { token } = await ask(answered);
	const at = ago(answered.answeredDaysAgo);
	const link = await openLink(db, token, 'feedback', at);
	await saveFeedbackAnswer(db, link, { scale: null, texts: answered.answers }, { now: at });
	await ask(waiting);
}

type DemoRequest = DemoProgramme['feedback']['waiting'];
