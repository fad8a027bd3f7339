import { tick } from 'svelte';

// The anonymity check as the evidence form is typed in: a field is sent to
// POST /api/v1/anonymity/check once the person pauses, and what it finds is listed under the
// form (and noted under the field), where each can be replaced. It starts from what the server
// found when it drew the page (after saving, replacing or trying to submit), so the same list
// is there without JavaScript.

/** One detail found, as the list shows it. */
export interface CheckItem {
	field: string;
	label: string;
	kind: string;
	match: string;
	before: string;
	after: string;
	message: string;
	/** What "Replace" puts instead, when the server said so. */
	replacement?: string;
}

interface ApiFinding {
	kind: string;
	start: number;
	end: number;
	match: string;
	message: string;
}

const pause = 700;
const context = 40;

/** Up to 40 characters either side of a match, cut at a word, as the server shows them. */
function around(text: string, start: number, end: number) {
	const tidy = (s: string) => s.replace(/\s+/g, ' ');
	const from = Math.max(0, start - context);
	const to = Math.min(text.length, end + context);
	let before = tidy(text.slice(from, start)).trimStart();
	let after = tidy(text.slice(end, to)).trimEnd();
	if (from > 0) before = '…' + before.replace(/^\S*\s/, '');
	if (to < text.length) after = after.replace(/\s\S*$/, '') + '…';
	return { before, after };
}

/** The fields of the evidence form that hold text to check. */
export const isCheckedField = (name: string) =>
	/^(?:title|account|cpdRelevance|cpdLearning|cpdImpact|peerReflection|reflection-[\w-]+)$/.test(
		name
	);

/** Whether two seeds are the same drawing of the page's findings (any two empty ones are). */
const sameSeed = (a: CheckItem[], b: CheckItem[]) => a === b || (!a.length && !b.length);

/** How many different details, as the list counts them: each once, however often named. */
const distinct = (items: CheckItem[]) =>
	items
		.map((item) => `${item.kind}:${item.match}`)
		.filter((key, i, keys) => keys.indexOf(key) === i).length;

const byField = (items: CheckItem[]) => {
	const fields: Record<string, CheckItem[]> = {};
	for (const item of items) (fields[item.field] ??= []).push(item);
	return fields;
};

export class LiveCheck {
	/** Fields whose text is hidden (another reflective model's prompts): not listed. */
	hidden: Record<string, boolean> = $state({});
	/** What the server found when it drew the page: after saving, replacing or submitting. */
	#seed: () => CheckItem[] = () => [];
	/** Fields checked as they were typed in, since the server last drew what it found. */
	#typed: { seed: CheckItem[]; fields: Record<string, CheckItem[]> } = $state({
		seed: [],
		fields: {}
	});
	/** The last thing said, and how many details it said there were. */
	#said: { seed: CheckItem[]; count: number; text: string } = $state({
		seed: [],
		count: 0,
		text: ''
	});
	// Not state: nothing on the page shows them.
	#timers: Record<string, ReturnType<typeof setTimeout>> = {};
	#requests: Record<string, AbortController> = {};

	constructor(seed: () => CheckItem[]) {
		this.#seed = seed;
	}

	/** Said politely to screen readers when, and only when, the number found changes. */
	announcement = $derived(sameSeed(this.#said.seed, this.#seed()) ? this.#said.text : '');

	/** What was found, by field: the server's, then each field's as it is typed. */
	byField = $derived.by(() => {
		const seed = this.#seed();
		const typed = sameSeed(this.#typed.seed, seed) ? this.#typed.fields : {};
		return { ...byField(seed), ...typed };
	});

	/** Everything found in fields on show, in the form's order. */
	get items(): CheckItem[] {
		return Object.entries(this.byField)
			.filter(([field]) => !this.hidden[field])
			.flatMap(([, items]) => items);
	}

	/** For the form's `oninput`: checks the field typed in, once the person pauses. */
	input = (event: Event) => {
		const target = event.target;
		if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return;
		if (!isCheckedField(target.name)) return;
		clearTimeout(this.#timers[target.name]);
		this.#timers[target.name] = setTimeout(() => this.#check(target), pause);
	};

	/** For the form's `onchange`: another reflective model chosen hides its fields' findings. */
	change = async (event: Event) => {
		const form = event.currentTarget as HTMLFormElement;
		// Once the page has shown the model chosen and hidden the others.
		await tick();
		this.#updateHidden(form);
	};

	/** Checks every text field of the form that has text (when the page had no findings to show). */
	checkAll(form: HTMLFormElement) {
		this.#updateHidden(form);
		if (this.#seed().length) return;
		for (const element of form.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
			'textarea, input[type=text]'
		))
			if (isCheckedField(element.name) && element.value.trim()) this.#check(element);
	}

	#updateHidden(form: HTMLFormElement) {
		const hidden: Record<string, boolean> = {};
		for (const element of form.querySelectorAll<HTMLElement>('textarea, input[type=text]'))
			if (element.closest('[hidden]')) hidden[element.getAttribute('name') ?? ''] = true;
		this.hidden = hidden;
	}

	async #check(element: HTMLTextAreaElement | HTMLInputElement) {
		const field = element.name;
		const text = element.value;
		this.#requests[field]?.abort();
		const request = new AbortController();
		this.#requests[field] = request;
		try {
			const response = await fetch('/api/v1/anonymity/check', {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ text }),
				signal: request.signal
			});
			// Too long, signed out, or the server unwell: the check on saving still runs.
			if (!response.ok) return;
			const { findings } = (await response.json()) as { findings: ApiFinding[] };
			const label = element.labels?.[0]?.textContent?.trim() ?? field;
			const seed = this.#seed();
			const known = seed.filter((s) => s.field === field);
			const items = findings.map((f) => ({
				field,
				label,
				kind: f.kind,
				match: f.match,
				message: f.message,
				...around(text, f.start, f.end),
				replacement: known.find((s) => s.kind === f.kind && s.match === f.match)?.replacement
			}));
			const fields = sameSeed(this.#typed.seed, seed) ? this.#typed.fields : {};
			this.#typed = { seed, fields: { ...fields, [field]: items } };
			this.#announce();
		} catch (error) {
			if ((error as Error).name !== 'AbortError') throw error;
		}
	}

	#announce() {
		const seed = this.#seed();
		const before = sameSeed(this.#said.seed, seed) ? this.#said.count : distinct(seed);
		const count = distinct(this.items);
		if (count === before) return;
		const text =
			count === 0
				? 'Nothing in the form now looks like it could identify a child or family.'
				: `${count === 1 ? '1 detail' : `${count} details`} in the form may identify a child or family. They are listed after the Save draft button.`;
		this.#said = { seed, count, text };
	}
}
