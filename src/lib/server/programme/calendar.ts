import type { Programme } from './definition';
import { addDays } from '../db/time';
import { addMonths } from './month';

export interface Extension {
	months: number;
	reason: string;
}

export interface DueReview {
	id: string;
	title: string;
	final: boolean;
	optional: boolean;
	/** When it would be due full-time with no extension. */
	plannedOn: string;
	dueOn: string;
	/** Why the due date differs from the plan; empty when it does not. */
	why: string[];
}

const daysPerMonth = 365.25 / 12;

/** A date some (possibly fractional) months after another: whole calendar months, then days. */
export function addFractionalMonths(date: string, months: number): string {
	const whole = Math.floor(months + 1e-9);
	const days = Math.round((months - whole) * daysPerMonth);
	return addDays(addMonths(date, whole), days);
}

const monthsText = (n: number) => `${Number(n.toFixed(2))} ${n === 1 ? 'month' : 'months'}`;

/**
 * Review due dates for someone on a programme. Working part-time stretches every date in
 * proportion (a 12-month programme at 0.6 of full time takes 20 months), and extensions stretch
 * the whole programme, and so every date, in proportion too. Each moved date says why.
 */
export function programmeCalendar(
	programme: Programme,
	startsOn: string,
	fte = 1,
	extensions: Extension[] = []
) {
	if (!(fte > 0 && fte <= 1))
		throw new Error('working hours must be more than 0 and at most full time');
	const partTimeLength = programme.months / fte;
	const extensionMonths = extensions.reduce((sum, e) => sum + e.months, 0);
	const length = partTimeLength + extensionMonths;
	const scale = length / programme.months;
	const reviews: DueReview[] = programme.reviews.map((review) => {
		const why: string[] = [];
		if (fte < 1) {
			why.push(
				`${review.title} falls ${monthsText(review.month)} into the programme at full time; at ${fte} of full time that is ${monthsText(review.month / fte)}`
			);
		}
		for (const extension of extensions) {
			why.push(
				`the programme was extended by ${monthsText(extension.months)} (${extension.reason}), which moves every date in proportion`
			);
		}
		return {
			id: review.id,
			title: review.title,
			final: review.final,
			optional: review.optional,
			plannedOn: addFractionalMonths(startsOn, review.month),
			dueOn: addFractionalMonths(startsOn, review.month * scale),
			why
		};
	});
	return { lengthMonths: length, endsOn: addFractionalMonths(startsOn, length), reviews };
}
