import type { Page } from '@playwright/test';
import type { Ids } from './demo';
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

/** A date's day, month and year fields, `days` from today, or left blank. */
function dateFields(name: string, days: number | null) {
	const date = days === null ? undefined : new Date(Date.now() + days * 86_400_000);
	return {
		[`${name}-day`]: date ? String(date.getDate()) : '',
		[`${name}-month`]: date ? String(date.getMonth() + 1) : '',
		[`${name}-year`]: date ? String(date.getFullYear()) : ''
	};
}

const end = { action: '?/end', values: dateFields('endedOn', 400) };
const enrol = { action: '?/enrol', values: { ...dateFields('startsOn', 0), ftePercent: '100' } };
const pause = {
	action: '?/pause',
	values: { ...dateFields('pauseFrom', 0), ...dateFields('pauseUntil', null) }
};

/**
 * Brings the enrolment of the person whose page is `path` into the `wanted` state, as `email`
 * (an administrator or a principal social worker) would through the page: afresh each time,
 * ending any enrolment first (a year on, after any start or pause an earlier body set), so
 * nothing an earlier action's bodies left (a pause, a start next month) is in the way.
 */
export function enrolment(wanted: EnrolmentState, email: string, path: (ids: Ids) => string) {
	return async ({ ids, people }: FuzzContext) => {
		const { page } = await people.as(email);
		const at = path(ids);
		// One programme at a time is shown, and bodies may have enrolled them on two.
		for (let ended = 0; (await stateOn(page, at)) !== 'not enrolled'; ended++) {
			if (ended === 3) throw new Error(`The enrolments on ${at} do not end`);
			await completeForm(page, at, end);
		}
		if (wanted !== 'not enrolled') await completeForm(page, at, enrol);
		if (wanted === 'paused') await completeForm(page, at, pause);
		const state = await stateOn(page, at);
		if (state !== wanted) throw new Error(`The enrolment on ${at} is ${state}, not ${wanted}`);
	};
}
