import { ContentError } from '../content/error.ts';
import type { MarkdownDocument } from '../content/frontmatter.ts';
import type { Statement, StatementKind } from './schema.ts';

const sections: Record<string, StatementKind> = { '## Knows': 'knows', '## Does': 'does' };
const letter: Record<StatementKind, string> = { knows: 'K', does: 'D' };
const statementLine = /^- \*\*([^*]+)\*\* +(\S.*)$/;
const subItemLine = /^ {2,4}- ([a-z])\. +(\S.*)$/;

/**
 * Reads an outcome file's body: `## Knows` and `## Does` sections of `- **2.3 K4** text`
 * lines, each optionally followed by indented `- a. text` sub-items.
 */
export function parseStatements(
	file: string,
	outcomeId: string,
	lines: MarkdownDocument<unknown>['lines']
): Statement[] {
	const statements: Statement[] = [];
	let kind: StatementKind | undefined;
	for (const { text: raw, number } of lines) {
		const text = raw.trimEnd();
		if (text === '') continue;
		if (text.startsWith('#')) {
			kind = sections[text];
			if (!kind)
				throw new ContentError(
					file,
					`unexpected heading "${text}"; use "## Knows" or "## Does"`,
					number
				);
			continue;
		}
		const item = subItemLine.exec(text);
		if (item) {
			const parent = statements.at(-1);
			if (!parent) throw new ContentError(file, 'a sub-item comes before any statement', number);
			parent.items.push({ label: item[1], text: item[2] });
			continue;
		}
		const statement = statementLine.exec(text);
		if (!statement) {
			throw new ContentError(
				file,
				`cannot read this line; expected "- **${outcomeId} K1** text"`,
				number
			);
		}
		if (!kind)
			throw new ContentError(file, 'a statement comes before "## Knows" or "## Does"', number);
		const id = statement[1].trim();
		checkId(file, number, id, outcomeId, kind);
		statements.push({ id, kind, text: statement[2], items: [] });
	}
	checkSequence(file, outcomeId, statements);
	return statements;
}

function checkId(file: string, line: number, id: string, outcomeId: string, kind: StatementKind) {
	const match = /^(\d+\.\d+) ([KD])(\d+)$/.exec(id);
	if (!match)
		throw new ContentError(
			file,
			`malformed statement id "${id}"; expected e.g. "${outcomeId} K1"`,
			line
		);
	if (match[1] !== outcomeId) {
		throw new ContentError(
			file,
			`statement id "${id}" does not belong to outcome ${outcomeId}`,
			line
		);
	}
	if (match[2] !== letter[kind]) {
		throw new ContentError(
			file,
			`statement "${id}" is under "## ${kind === 'knows' ? 'Knows' : 'Does'}"`,
			line
		);
	}
}

/** Ids run K1, K2, … and D1, D2, … without gaps or repeats, so a lost statement is caught. */
function checkSequence(file: string, outcomeId: string, statements: Statement[]) {
	for (const kind of ['knows', 'does'] as const) {
		const numbers = statements
			.filter((s) => s.kind === kind)
			.map((s) => Number(s.id.split(letter[kind])[1]));
		numbers.forEach((n, index) => {
			const expected = `${outcomeId} ${letter[kind]}${index + 1}`;
			if (n === index + 1) return;
			const found = `${outcomeId} ${letter[kind]}${n}`;
			if (numbers.indexOf(n) !== index)
				throw new ContentError(file, `duplicate statement id "${found}"`);
			throw new ContentError(
				file,
				`missing statement "${expected}" (found "${found}" in its place)`
			);
		});
		if (numbers.length === 0)
			throw new ContentError(file, `outcome ${outcomeId} has no "${kind}" statements`);
	}
}
