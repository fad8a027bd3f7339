import { addDays } from '../db/time';
import { holderOf } from '../people/relationships';
import { openActionsOf } from '../review/supervision-actions';
import { citableAudits } from '../review/supervision-audits';
import { createSupervisionRecord } from '../review/supervision-records';
import { supervisionScheduleOf } from '../review/supervision-schedule';
import type { Demo } from './authority';
import { asyes } from './seed-programme';

/**
 * Supervision for the demo ASYEs, on their programme's schedule: every session due before today
 * is held on its due date (every third a day early), by the practice supervisor of the day, in
 * turn from the demo's texts; an action agreed at one session is done at the next, and the first
 * session after a finalised audit of their work discusses it. Some latest sessions were missed,
 * so they are overdue; the demo ASYE's latest session is the demo's `supervision`, with its
 * action still open.
 */
export async function seedDemoSupervision({ db, content, now, today }: Demo) {
	const texts = content.programme;
	let turn = 0;
	for (const { userId, email } of await asyes(db, today)) {
		const schedule = await supervisionScheduleOf(db, userId, today);
		const due = (schedule?.sessions ?? []).filter((s) => s.dueOn < today).map((s) => s.dueOn);
		if (texts.missedSupervision.includes(email)) due.pop();
		// The latest first. Each is finalised the day after it is audited (seed-audits.ts), so
		// the first audited on or after the session before was finalised since it.
		const audits = await citableAudits(db, userId);
		for (const [i, dueOn] of due.entries()) {
			const previous = due[i - 1] ?? '';
			const early = addDays(dueOn, -1);
			const heldOn = i % 3 === 2 && early >= previous ? early : dueOn;
			const supervisor = await holderOf(db, userId, 'practice-supervisor', heldOn);
			if (!supervisor) continue;
			const latest = email === texts.demoAsye && i === due.length - 1;
			const { action, ...text } = latest
				? texts.supervision
				: texts.supervisionSessions[turn++ % texts.supervisionSessions.length];
			const open = await openActionsOf(db, userId);
			const record = {
				...text,
				heldOn,
				actions: action ? [{ action, dueOn: due[i + 1] ?? addDays(heldOn, 14) }] : [],
				auditId: audits.findLast((a) => a.audited_on! >= previous && a.audited_on! < heldOn)?.id,
				earlierActions: Object.fromEntries(open.map((a) => [a.id, 'done' as const]))
			};
			await createSupervisionRecord(db, supervisor.id, userId, record, now);
		}
	}
}
