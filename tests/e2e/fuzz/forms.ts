import type { Page } from '@playwright/test';

// What the browser sees: the fields a form action is sent, read from its page as a person
// entitled to use it would see it; and a form filled in as a person would, to set things up.

export interface Field {
	name: string;
	/** `select`, `textarea`, or an input's type: `text`, `hidden`, `checkbox`, `file`, `number`
	 * (for a numeric `inputmode` too)… */
	kind: string;
	/** The values the page offers or fills in: options, hidden values, what is typed already. */
	values: string[];
}

/**
 * The fields the page's forms send to `target` (a path, with `?/name` for a named action):
 * every form whose action, or whose submit button's `formaction`, is the target. Fields of the
 * same name (radios, checkboxes, one form per row) are merged. Undefined when no form posts there.
 */
export async function readFields(page: Page, target: string): Promise<Field[] | undefined> {
	return page.evaluate((target) => {
		// A button may post to a part of the page (`#reflection`): the same action.
		const withoutHash = (url: string) => url.replace(/#.*$/, '');
		const wanted = withoutHash(new URL(target, location.href).href);
		const fields = new Map<string, { name: string; kind: string; values: string[] }>();
		let found = false;
		for (const form of Array.from(document.forms)) {
			if (form.method !== 'post') continue;
			const buttons = Array.from(form.elements).filter(
				(e): e is HTMLButtonElement | HTMLInputElement =>
					(e instanceof HTMLButtonElement || e instanceof HTMLInputElement) && e.type === 'submit'
			);
			const postsThere = (b?: HTMLButtonElement | HTMLInputElement) =>
				withoutHash(b?.hasAttribute('formaction') ? b.formAction : form.action) === wanted;
			const submitters = buttons.filter((b) => postsThere(b));
			if (!submitters.length && !(buttons.length === 0 && postsThere())) continue;
			found = true;
			for (const element of Array.from(form.elements)) {
				const named = element as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
				if (!named.name) continue;
				if (buttons.includes(named as HTMLInputElement) && !submitters.includes(named as never))
					continue;
				const kind =
					named instanceof HTMLSelectElement
						? 'select'
						: named instanceof HTMLTextAreaElement
							? 'textarea'
							: named instanceof HTMLButtonElement
								? 'submit'
								: ['numeric', 'decimal'].includes(named.inputMode)
									? 'number'
									: named.type;
				const values =
					named instanceof HTMLSelectElement
						? Array.from(named.options).map((o) => o.value)
						: kind === 'file' || named.value === ''
							? []
							: [named.value];
				const field = fields.get(named.name) ?? { name: named.name, kind, values: [] };
				for (const value of values) if (!field.values.includes(value)) field.values.push(value);
				fields.set(named.name, field);
			}
		}
		return found ? [...fields.values()] : undefined;
	}, target);
}

/**
 * Fills in the page's form as a person completing it would (first choices, today's date, a
 * sentence in every empty box, then `values` where given), submits it in the browser, and
 * expects it to be accepted. The form is the first on the page, or the one posting to `action`
 * (`?/pause`). For bringing a record into the state an action needs.
 */
export async function completeForm(
	page: Page,
	path: string,
	{ action, values = {} }: { action?: string; values?: Record<string, string> } = {}
) {
	await page.goto(path);
	const today = new Date();
	const found = await page.evaluate(
		({ today: [day, month, year], action, values }) => {
			const form = Array.from(document.forms).find(
				(f) =>
					f.method === 'post' &&
					!f.action.endsWith('/sign-out') &&
					(!action || f.getAttribute('action') === action)
			);
			if (!form) return false;
			const chosen = new Set<string>();
			for (const element of Array.from(form.elements)) {
				const field = element as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
				if (!field.name) continue;
				if (field instanceof HTMLInputElement && ['radio', 'checkbox'].includes(field.type)) {
					if (!chosen.has(field.name)) field.checked = true;
					chosen.add(field.name);
				} else if (field instanceof HTMLSelectElement) {
					if (!field.value) field.value = Array.from(field.options).find((o) => o.value)!.value;
				} else if (field.type !== 'hidden' && field.type !== 'file' && !field.value) {
					const part = field.name.match(/-(day|month|year)$/)?.[1];
					field.value = { day, month, year }[part ?? ''] ?? 'Written for the fuzz test';
				}
				if (field.name in values) field.value = values[field.name];
			}
			form.setAttribute('data-fuzz-complete', '');
			return true;
		},
		{
			today: [today.getDate(), today.getMonth() + 1, today.getFullYear()].map(String),
			action,
			values
		}
	);
	if (!found) throw new Error(`No form on ${path} posts to ${action ?? 'anywhere'}`);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page
			.locator('form[data-fuzz-complete] [type=submit], form[data-fuzz-complete] button')
			.last()
			.click()
	]);
	if (response.status() !== 303) {
		const summary = await page.locator('.govuk-error-summary').textContent();
		throw new Error(`Completing the form on ${path} was refused: ${response.status()} ${summary}`);
	}
}
