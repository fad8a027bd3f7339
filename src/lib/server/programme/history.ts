import { formatDate, plural } from '$lib/format';
import { enrolmentEndingNames } from '$lib/programme/vocabulary';
import type { Db } from '../db';
import { eventsFor } from '../db/events';
import { programmeDefinitions } from '.';
import type { Enrolment } from './enrolments';

// An enrolment's history as people read it: each change in the event log, in words.

const hours = (percent: unknown) =>
	Number(percent) === 100 ? 'full time' : `${Number(percent) / 100} of full time`;
const date = (value: unknown) => formatDate(String(value ?? ''));

const describers: Record<string, (d: Record<string, unknown>) => string> = {
	'programme.enrolled': (d) =>
		`Enrolled from ${date(d.startsOn)} at ${hours(d.ftePercent)}, with ${d.assessor} as assessor`,
	'programme.hours-changed': (d) =>
		d.fromOn
			? `Working hours changed to ${hours(d.ftePercent)} from ${date(d.fromOn)}`
			: `Working hours set to ${hours(d.ftePercent)} from the start`,
	'programme.paused': (d) =>
		`Paused from ${date(d.startsOn)}${d.endsOn ? `, back on ${date(d.endsOn)}` : ''}`,
	'programme.resumed': (d) =>
		`Back on ${date(d.endsOn)} from the pause that began on ${date(d.startsOn)}`,
	'programme.extended': (d) => `Extended by ${plural(Number(d.months), 'month')}: ${d.reason}`,
	'programme.assessor-changed': (d) => `Assessor changed to ${d.assessor} from ${date(d.fromOn)}`,
	'programme.ended': (d) =>
		`Ended on ${date(d.endedOn)}: ${enrolmentEndingNames[d.ending as keyof typeof enrolmentEndingNames] ?? d.ending}${d.note ? ` (${d.note})` : ''}`,
	'agreement.created': () => 'Support and assessment agreement set out',
	'agreement.signed-as-practitioner': () => 'Agreement signed by the practitioner',
	'agreement.signed-as-supervisor': () => 'Agreement signed by the supervisor',
	'agreement.signed-as-assessor': () => 'Agreement signed by the assessor',
	'protected-time.recorded': () => 'Protected development time recorded'
};

/** One logged change in words; an action without words of its own reads as its name. */
export function describeEvent(action: string, detail: string | null) {
	const describe = describers[action];
	if (describe) return describe(detail ? JSON.parse(detail) : {});
	const words = action.replace('.', ' ').replaceAll('-', ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Each enrolment, the latest first, with its changes in words, the latest first. */
export async function enrolmentHistory(db: Db, enrolments: Enrolment[]) {
	const titles = new Map(programmeDefinitions().map((p) => [p.id, p.title]));
	return Promise.all(
		enrolments.map(async (e) => ({
			id: e.id,
			programme: titles.get(e.programme) ?? e.programme,
			startsOn: e.starts_on,
			status: e.status,
			endedOn: e.ended_on,
			endNote: e.end_note,
			events: (await eventsFor(db, 'enrolment', e.id)).map((event) => ({
				id: event.id,
				at: event.at,
				by: event.actorName,
				text: describeEvent(event.action, event.detail)
			}))
		}))
	);
}
