// The standard PDF fonts draw only the characters of Windows-1252 (WinAnsi): UK English and
// western European letters, curly quotes and dashes. Anything else (a Polish Ł, a Greek or Chinese
// name, an emoji, a tick) comes out as garbage that can swallow the letters beside it, so text is
// brought into that set first: letters with marks lose the marks the set lacks (ą to a, Ł to L),
// and whatever is left becomes a question mark.

// Windows-1252's characters above Latin-1's printable ASCII and below its upper half.
const extras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** Letters with no decomposition to a plain one. */
const plain = /** @type {Record<string, string>} */ ({
	Ł: 'L',
	ł: 'l',
	Đ: 'D',
	đ: 'd',
	Ħ: 'H',
	ħ: 'h',
	ı: 'i',
	Ŀ: 'L',
	ŀ: 'l',
	Ŧ: 'T',
	ŧ: 't'
});

/** @param {string} char */
function drawable(char) {
	const code = char.codePointAt(0) ?? 0;
	return (
		code === 10 ||
		(code >= 0x20 && code <= 0x7e) ||
		(code >= 0xa0 && code <= 0xff) ||
		extras.includes(char)
	);
}

/**
 * The text with every character the standard fonts can draw, and the nearest of those (or `?`)
 * in place of each one they cannot. Tabs become spaces; other control characters go.
 * @param {string} text
 */
export function winAnsi(text) {
	let out = '';
	for (const char of text.normalize('NFC')) {
		if (drawable(char)) out += char;
		else if (char === '\t') out += ' ';
		else if (/\p{Cc}/u.test(char)) continue;
		else {
			const bare = plain[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
			out += bare && [...bare].every(drawable) ? bare : '?';
		}
	}
	return out;
}

/**
 * Every string in a document definition's content brought into WinAnsi: text, table cells and
 * list items alike (style names and the like are plain ASCII, and come through unchanged).
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function winAnsiContent(value) {
	if (typeof value === 'string') return /** @type {T} */ (winAnsi(value));
	if (Array.isArray(value)) return /** @type {T} */ (value.map(winAnsiContent));
	if (value && typeof value === 'object')
		return /** @type {T} */ (
			Object.fromEntries(Object.entries(value).map(([key, item]) => [key, winAnsiContent(item)]))
		);
	return value;
}
