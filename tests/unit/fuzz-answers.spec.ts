import { describe, expect, it } from 'vitest';
import { deadSummaryLinks, readAnswer } from '../e2e/fuzz/answers';

// The fuzz test's reading of an answer (tests/e2e/fuzz/answers.ts): a refusal passes only with a
// message a person can read, on a page or in an action result.

const page = (status: number, main: string) => ({
	status,
	headers: { 'content-type': 'text/html' },
	text: `<html><body><main id="main">${main}</main></body></html>`
});
const summary = (...items: string[]) =>
	`<div class="govuk-error-summary" tabindex="-1"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><!--[-->${items.map((m, i) => `<li><a href="#f${i}">${m}</a></li>`).join('')}<!--]--></ul></div></div></div>`;
/** An action result as SvelteKit sends it to `use:enhance`, its data flattened by devalue. */
const result = (body: object, status = 200) => ({
	status,
	headers: { 'content-type': 'application/json' },
	text: JSON.stringify(body)
});

describe('the error summary’s links', () => {
	const form = (action: string, fields: string) =>
		`<form method="post"${action ? ` action="${action}"` : ''} novalidate>${fields}</form>`;
	const field = (id: string) => `<label for="${id}">Title</label><input id="${id}" name="${id}">`;

	it('names each link to a field the page does not have, for the form that was sent', () => {
		const html = summary('Enter a title', 'Choose a type') + form('?/save', field('f0'));
		expect(deadSummaryLinks(html, '?/save')).toEqual(['f1']);
		const own = summary('Enter a title') + form('', '<input id="title">');
		expect(deadSummaryLinks(own, '')).toEqual(['f0']);
		expect(deadSummaryLinks(own + field('f0'), '')).toEqual([]);
		const named = summary('Too long').replace('#f0', '#&quot;a&amp;b') + form('', '');
		expect(deadSummaryLinks(named, ''), 'as it was sent').toEqual(['"a&b']);
	});

	it('leaves a page that no longer shows the form sent (its record has moved on)', () => {
		const html = summary('This record has been submitted already') + form('?/other', '');
		expect(deadSummaryLinks(html, '?/submit')).toEqual([]);
		expect(deadSummaryLinks(summary('Enter a title'), '')).toEqual([]);
	});
});

describe('reading a page', () => {
	it('finds the error summary’s messages', () => {
		const answer = page(400, summary('Enter a title', 'Choose a type'));
		expect(readAnswer(answer)).toEqual({ status: 400, message: 'Enter a title; Choose a type' });
	});

	it('finds no message in a summary with an empty entry, or on a page without one', () => {
		expect(readAnswer(page(400, summary('Enter a title', ''))).message).toBeUndefined();
		expect(readAnswer(page(400, '<h1>Add a record</h1><form></form>')).message).toBeUndefined();
	});

	/** Inside the error page's frame (routes/+error.svelte). */
	const errorPage = (inner: string) =>
		`<div class="govuk-grid-row gt-error-page"><div class="govuk-grid-column-two-thirds">${inner}</div></div>`;

	it('finds an error page’s explanation', () => {
		const answer = page(
			403,
			errorPage(
				'<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1><!----> <p class="govuk-body">Only their supervisor can do this.</p>'
			)
		);
		expect(readAnswer(answer).message).toBe(
			'Sorry, there is a problem with the service: Only their supervisor can do this.'
		);
	});

	it('finds the explanation of an error page with a title of its own', () => {
		const answer = page(
			410,
			errorPage(
				'<h1 class="govuk-heading-l">This link has already been used</h1><!--[--><p class="govuk-body">Thank you: an answer was sent with this link on 30 November 2026.</p>'
			)
		);
		expect(readAnswer(answer).message).toBe(
			'This link has already been used: Thank you: an answer was sent with this link on 30 November 2026.'
		);
	});

	it('takes no heading and paragraph as a message outside an error page', () => {
		const answer = page(
			400,
			'<h1 class="govuk-heading-l">Add evidence</h1><p class="govuk-body">Say what you did.</p>'
		);
		expect(readAnswer(answer).message).toBeUndefined();
	});

	it('reads where a redirect goes, whatever its content type', () => {
		const answer = { status: 303, headers: { location: '/portfolio?saved=created' }, text: '' };
		expect(readAnswer(answer)).toEqual({ status: 303, location: '/portfolio?saved=created' });
	});
});

describe('reading an action result', () => {
	it('takes a failure’s status and its messages, not the values typed', () => {
		const data = [{ values: 1, errors: 3 }, { title: 2 }, 'Typed text', { title: 4 }, 'Too long'];
		expect(
			readAnswer(result({ type: 'failure', status: 400, data: JSON.stringify(data) }))
		).toEqual({ status: 400, message: 'Too long' });
	});

	it('finds no message in a failure that carries only what was typed', () => {
		const data = [{ values: 1, errors: 3 }, { title: 2 }, 'Typed text', {}];
		const reading = readAnswer(
			result({ type: 'failure', status: 400, data: JSON.stringify(data) })
		);
		expect(reading).toEqual({ status: 400, message: undefined });
	});

	it('takes an error’s status and message, and a redirect’s location', () => {
		const error = result({ type: 'error', error: { message: 'There is no such record.' } }, 404);
		expect(readAnswer(error)).toEqual({ status: 404, message: 'There is no such record.' });
		const redirect = result({ type: 'redirect', status: 303, location: '/audits/1' });
		expect(readAnswer(redirect)).toEqual({ status: 303, location: '/audits/1' });
	});
});
