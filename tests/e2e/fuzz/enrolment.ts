import type { Page } from '@playwright/test';
import type { Reader } from './database';
import { completeForm } from './forms';
import type { FuzzContext } from './setups';

// The enrolment page's forms each need the enrolment in a state of its own: the enrol form
// shows only for someone not enrolled, the pause form for a programme running, the day back for
// one paused. The page says which, and its own forms bring it about.

export type EnrolmentState = 'not enrolled' | 'running' | 'paused';

async function stateOn(page: Page, path: string): Promise<EnrolmentState> {
	await page.goto(path);
	const has = async (action: string) =>
		(await page.locator(`form[action="${action}"]`).count()) > 0;
	if (await has('?/enrol')) return 'not enrolled';
	return (await has('?/resume')) ? 'paused' : 'running';
}

const day = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A date's day, month and year fields, or the three left blank. */
function dateFields(name: string, date: Date | null) {
	return {
		[`${name}-day`]: date ? String(date.getUTCDate()) : '',
		[`${name}-month`]: date ? String(date.getUTCMonth() + 1) : '',
		[`${name}-year`]: date ? String(date.getUTCFullYear()) : ''
	};
}

/**
 * Enrolment from today, with an assessor who is not their assessor already, and after any
 * assessor already planned (an assessor cannot be given twice, nor before the one to come).
 */
async function enrolling(page: Page, reader: Reader, personId: string) {
	const assessors = await reader.query<{ holder: string; starts_on: string; ends_on: string }>(
		"select supervisor_id as holder, starts_on, ends_on from supervisions where supervisee_id = ? and kind = 'assessor'",
		[personId]
	);
	const today = isoDate(new Date());
	const holding = assessors.filter((a) => a.ends_on === null || a.ends_on > today);
	const latest = holding
		.map((a) => a.starts_on)
		.sort()
		.at(-1);
	const from = latest && latest >= today ? new Date(Date.parse(latest) + day) : new Date();
	const offered = await page
		.locator('select[name=assessorId] option')
		.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
	const assessorId = offered.find((id) => id && !holding.some((a) => a.holder === id));
	if (!assessorId) throw new Error('No assessor to enrol them with');
	return {
		action: '?/enrol',
		values: { ...dateFields('startsOn', from), ftePercent: '100', assessorId }
	};
}

/**
 * Brings the enrolment of `person` (a key of the demo ids), on the enrolment page under `base`,
 * into the `wanted` state, as `email` (an administrator or a principal social worker) would.
 */
export function enrolment(wanted: EnrolmentState, email: string, base: string, person: string) {
	return async ({ ids, people, reader }: FuzzContext) => {
		const { page } = await people.as(email);
		const at = `${base}/${ids[person]}/programme`;
		let state = await stateOn(page, at);
		// One programme at a time is shown, and bodies may have enrolled them on two.
		for (let ended = 0; wanted === 'not enrolled' && state !== wanted; ended++) {
			if (ended === 3) throw new Error(`The enrolments on ${at} do not end`);
			const end = {
				action: '?/end',
				values: dateFields('endedOn', new Date(Date.now() + 400 * day))
			};
			await completeForm(page, at, end);
			state = await stateOn(page, at);
		}
		if (state === 'not enrolled' && wanted !== state) {
			await completeForm(page, at, await enrolling(page, reader, ids[person]));
			state = await stateOn(page, at);
		}
		if (state === 'running' && wanted === 'paused') {
			// From today until further notice.
			const values = { ...dateFields('pauseFrom', new Date()), ...dateFields('pauseUntil', null) };
			await completeForm(page, at, { action: '?/pause', values });
			state = await stateOn(page, at);
		}
		if (state !== wanted) throw new Error(`The enrolment on ${at} is ${state}, not ${wanted}`);
	};
}
