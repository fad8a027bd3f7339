import { days } from '../db/time';
import { createFeedbackRequest } from '../feedback/requests';
import { saveFeedbackAnswer } from '../feedback/save-answer';
import { openGuestLink } from '../links/guest-links';
import type { Demo } from './authority';
import type { DemoProgramme } from '../content/demo';

type DemoRequest = DemoProgramme['feedback']['waiting'];

/**
 * The demo ASYE's feedback by link, asked and answered through the same functions as the pages:
 * a parent's answer (its link used) and a request still waiting for its answer.
 */
export async function seedDemoFeedback({ db, content, now, person }: Demo) {
	const { demoAsye, feedback } = content.programme;
	const asker = {
		id: person(demoAsye).id,
		name: content.people.find((p) => p.email === demoAsye)!.name
	};
	const ago = (n: number) => new Date(now.getTime() - days(n));
	const ask = async (request: DemoRequest) => {
		const about = request.about
			? await db
					.selectFrom('evidence')
					.select('id')
					.where('owner_id', '=', asker.id)
					.where('title', '=', request.about)
					.executeTakeFirstOrThrow()
			: null;
		const { relationship, name = '', email } = request;
		const input = { relationship, name, email, evidence: about?.id ?? null };
		return createFeedbackRequest(db, asker, input, ago(request.daysAgo));
	};
	const { answered, waiting } = feedback;
	const { token } = await ask(answered);
	const at = ago(answered.answeredDaysAgo);
	const link = await openGuestLink(db, token, 'feedback', 'demo seed', at);
	if (link.state !== 'open') throw new Error('the demo’s feedback link should be open');
	await saveFeedbackAnswer(db, link, { scale: null, texts: answered.answers }, { now: at });
	await ask(waiting);
}
