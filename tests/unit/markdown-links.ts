import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

// Finds the links in markdown files and reports those with a relative target that does not
// exist: a missing file, or an `#anchor` with no heading of that name in a markdown file.
// Anchors follow GitHub's rules, since GitHub is where the README and docs are read.

export interface Link {
	/** The target as written, e.g. `docs/api.md#status-codes`. */
	target: string;
	line: number;
}

export interface BrokenLink extends Link {
	file: string;
	problem: string;
}

/** Blanks out what cannot hold a link, keeping line numbers: fenced code, code spans, comments. */
function prose(markdown: string): string {
	const blank = (text: string) => text.replace(/[^\n]/g, ' ');
	const lines = markdown.split('\n');
	let fence: string | undefined;
	const kept = lines.map((line) => {
		const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			return '';
		}
		if (marker) {
			fence = marker;
			return '';
		}
		return line;
	});
	return kept
		.join('\n')
		.replace(/<!--[\s\S]*?-->/g, blank)
		.replace(/(`+)[\s\S]*?\1/g, blank);
}

const inlineLink =
	/!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const referenceDefinition = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
const htmlLink = /<(?:a|img)\b[^>]*?\s(?:href|src)\s*=\s*["']([^"']+)["']/gi;

/** Every link and image target in a markdown text, with its line. */
export function linksIn(markdown: string): Link[] {
	const text = prose(markdown);
	const lineAt = (index: number) => text.slice(0, index).split('\n').length;
	const links: Link[] = [];
	for (const pattern of [inlineLink, referenceDefinition, htmlLink])
		for (const match of text.matchAll(pattern))
			links.push({ target: match[1].replace(/^<|>$/g, ''), line: lineAt(match.index) });
	return links.sort((a, b) => a.line - b.line);
}

/** Whether a target points into the repository rather than to a web address or an email. */
export const isRelative = (target: string) =>
	!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//');

/** A heading's text as GitHub shows it: code kept as written, markup and HTML tags dropped. */
function headingText(heading: string): string {
	return heading
		.split(/(`+[^`]*`+)/)
		.map((part, index) =>
			index % 2 === 1
				? part.replace(/^`+|`+$/g, '')
				: part
						.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
						.replace(/<[^>]*>/g, '')
						.replace(/\*/g, '')
		)
		.join('')
		.trim();
}

/** GitHub's anchor for a heading (as github-slugger makes it), before any "-1" for a repeat. */
export function slug(heading: string): string {
	return headingText(heading)
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** The anchors of a markdown file's headings; a repeated heading gets "-1", "-2" and so on. */
export function anchorsIn(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of prose(markdown).split('\n')) {
		const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1];
		if (heading === undefined) continue;
		const base = slug(heading);
		let anchor = base;
		while (anchors.has(anchor)) {
			const count = (seen.get(base) ?? 0) + 1;
			seen.set(base, count);
			anchor = `${base}-${count}`;
		}
		anchors.add(anchor);
	}
	return anchors;
}

/**
 * The relative links in `files` (paths under `root`) whose target is missing. A target starting
 * with `/` is taken from the root of the repository, as GitHub does.
 */
export function brokenLinks(root: string, files: string[]): BrokenLink[] {
	const broken: BrokenLink[] = [];
	for (const file of files) {
		const path = resolve(root, file);
		const markdown = readFileSync(path, 'utf8');
		for (const link of linksIn(markdown)) {
			if (!isRelative(link.target)) continue;
			const report = (problem: string) => broken.push({ ...link, file, problem });
			const [beforeHash, anchor] = link.target.split('#', 2);
			const pathPart = beforeHash.split('?')[0];
			const target = pathPart
				? resolve(
						pathPart.startsWith('/') ? root : dirname(path),
						decodeURI(pathPart).replace(/^\//, '')
					)
				: path;
			const inside = relative(root, target);
			if (inside.startsWith('..') || isAbsolute(inside)) {
				report('points outside the repository');
				continue;
			}
			if (!existsSync(target)) {
				report(`${inside} does not exist`);
				continue;
			}
			if (!anchor || !target.endsWith('.md')) continue;
			if (!anchorsIn(readFileSync(target, 'utf8')).has(decodeURIComponent(anchor)))
				report(`${inside} has no heading with the anchor #${anchor}`);
		}
	}
	return broken;
}
