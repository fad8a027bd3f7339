import type { Page } from '@playwright/test';

// Measures a page as a person sees it once it has settled: whether it is wider than the window,
// which text is not in the app's typeface, and how far it moved while loading.

/**
 * The app's typeface, defined once for the tests: `$govuk-font-family` in src/app.scss (Arial,
 * not GDS Transport). A computed font-family must start with it.
 */
export const appFontFamily = 'arial';

/** Most a page may move after it starts to render (Lighthouse calls 0.1 "good"; we ask for less). */
export const maxLayoutShift = 0.02;

/**
 * Before any page script runs, start adding up layout shifts not caused by the person's own input
 * (as cumulative layout shift does), buffered so that shifts before this script count too.
 */
export async function watchLayoutShift(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { gtShift: number; gtShiftObserver: PerformanceObserver };
		w.gtShift = 0;
		const add = (entries: PerformanceEntryList) => {
			for (const entry of entries as (PerformanceEntry & LayoutShift)[])
				if (!entry.hadRecentInput) w.gtShift += entry.value;
		};
		w.gtShiftObserver = new PerformanceObserver((list) => add(list.getEntries()));
		w.gtShiftObserver.observe({ type: 'layout-shift', buffered: true });
		(w as unknown as { gtShiftAdd: typeof add }).gtShiftAdd = add;
	});
}

interface LayoutShift {
	value: number;
	hadRecentInput: boolean;
}

/**
 * Waits until the page has loaded, its fonts are ready, and every GOV.UK Frontend component on it
 * has started (the last script to change the layout: the app hydrates before it starts them), or
 * at once where JavaScript is off.
 */
export async function settle(page: Page) {
	await page.waitForLoadState('load');
	await page.evaluate(async () => {
		await document.fonts.ready;
	});
	// Asked again at each frame until true. The function must answer at once: waitForFunction
	// takes a promise it returns as true, whatever the promise comes to (so an async function here
	// waited for nothing, and a test scanning for faults it had added found them gone).
	// Without JavaScript (app.html marks the body when it runs) there is nothing to start.
	await page.waitForFunction(
		() =>
			!document.body.classList.contains('js-enabled') ||
			[...document.querySelectorAll<HTMLElement>('[data-module]')].every((el) =>
				el.hasAttribute(`data-${el.dataset.module}-init`)
			)
	);
}

/** The layout shift so far; takes any entries the observer has not yet delivered. */
export async function layoutShift(page: Page): Promise<number> {
	return page.evaluate(async () => {
		// Shifts are reported after the frame that shows them is drawn.
		for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
		const w = window as unknown as {
			gtShift: number;
			gtShiftObserver: PerformanceObserver;
			gtShiftAdd: (entries: PerformanceEntryList) => void;
		};
		w.gtShiftAdd(w.gtShiftObserver.takeRecords());
		return Math.round(w.gtShift * 1000) / 1000;
	});
}

/**
 * How much wider than the window the document is (0 when it fits), the outermost elements that
 * reach past the window's right edge, and any box in the page that scrolls sideways instead of
 * fitting (a table in a scrolling region, say): each described as "tag#id.class (px)".
 */
export async function overflow(page: Page) {
	return page.evaluate(() => {
		const describe = (el: Element, px: number) =>
			el.tagName.toLowerCase() +
			(el.id ? `#${el.id}` : '') +
			[...el.classList].map((c) => `.${c}`).join('') +
			` (${Math.round(px)} px)`;
		const right = (el: Element | null) => el?.getBoundingClientRect().right ?? 0;
		const all = [...document.body.querySelectorAll('*')];
		const excess = Math.max(0, document.documentElement.scrollWidth - innerWidth);
		// Where to look (something clipped, such as a visually hidden table head, may reach past
		// the edge without widening the document, so only when it is wider).
		const beyond = all
			.filter((el) => right(el) > innerWidth + 0.5 && right(el.parentElement) <= innerWidth + 0.5)
			.slice(0, excess ? 5 : 0)
			.map((el) => describe(el, right(el)));
		const scrollers = all
			.filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX))
			.filter((el) => el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'TEXTAREA')
			.map((el) => describe(el, el.scrollWidth));
		return {
			excess,
			beyond,
			scrollers
		};
	});
}

/**
 * Visible text, form fields and SVG text whose computed font-family does not start with the app's
 * typeface: up to 10, as "element: family — text". Code (`code`, `kbd`, `samp`) may be monospace.
 */
export async function foreignFonts(page: Page) {
	return page.evaluate((family) => {
		const found: string[] = [];
		const checked = new Set<Element>();
		const check = (el: Element, text: string) => {
			if (checked.has(el) || found.length >= 10) return;
			checked.add(el);
			if (!el.checkVisibility({ visibilityProperty: true })) return;
			const fontFamily = getComputedStyle(el).fontFamily;
			if (fontFamily.toLowerCase().replace(/["']/g, '').startsWith(family)) return;
			if (el.closest('code, kbd, samp') && fontFamily === 'monospace') return;
			const words = text.replace(/\s+/g, ' ').trim().slice(0, 40);
			found.push(`${el.tagName.toLowerCase()}: ${fontFamily} — ${words}`);
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const node = walker.currentNode;
			if (node.parentElement && node.textContent?.trim())
				check(node.parentElement, node.textContent);
		}
		const fields = 'input:not([type=hidden], [type=checkbox], [type=radio]), textarea, select';
		for (const field of document.querySelectorAll(fields)) check(field, `(${field.tagName})`);
		return found;
	}, appFontFamily);
}

/**
 * How many rows of links and buttons the header bar and the service navigation each take (things
 * side by side share a row when their heights overlap).
 */
export async function headerRows(page: Page) {
	return page.evaluate(() => {
		const rows = (selector: string) => {
			const boxes = [...document.querySelectorAll(`${selector} :is(a, button)`)]
				.filter((el) => el.checkVisibility())
				.map((el) => el.getBoundingClientRect())
				.sort((a, b) => a.top - b.top);
			let count = 0;
			let bottom = -Infinity;
			for (const box of boxes) {
				if (box.top >= bottom) count++;
				bottom = Math.max(bottom, box.bottom);
			}
			return count;
		};
		return { bar: rows('.govuk-generic-header'), navigation: rows('.govuk-service-navigation') };
	});
}
