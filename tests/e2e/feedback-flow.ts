import { expect, type Page } from '@playwright/test';
import { submit } from './session';
import { row } from './walk';

// Asking for feedback by link, as a person does it, and the link the email carries: shared by
// the journeys that follow a request to its answer.

/** The path of the link in the newest email to an address, read from the outbox. */
export function feedbackLinkTo(email: string) {
	const { body } = row<{ body: string }>(
		'select body from outbox where recipient = ? order by created_at desc limit 1',
		email
	);
	const link = body.match(/https?:\/\/\S+(\/feedback\/\S+)/)?.[1];
	expect(link, `a feedback link to ${email}`).toBeTruthy();
	return link!;
}

/** Asks someone for feedback through the form, signed in as whoever `page` is. */
export async function askForFeedback(
	page: Page,
	{ relationship, name = '', email }: { relationship: string; name?: string; email: string }
) {
	await page.goto('/portfolio/feedback/new');
	await page.getByLabel(relationship, { exact: true }).check();
	if (name) await page.getByLabel('Their name').fill(name);
	await page.getByLabel('Their email address').fill(email);
	await submit(page, 'Send the request');
}
