import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// How long the code is: files by lines, functions by the lines from their first to their last,
// measured with the TypeScript parser so that strings, comments and nested functions count as
// they read.

export const maxFileLines = 300;
export const maxFunctionLines = 60;

/** The comment that lets a file (at its top) or a function (just above it) be longer. */
export const reasonMark = '// Long because:';

export interface TooLong {
	where: string;
	lines: number;
}

/** Every .ts and .js file under `root`, as paths from the working folder. */
export function sourceFiles(root: string): string[] {
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))
		.map((name) => join(root, name));
}

const lineOf = (file: ts.SourceFile, position: number) =>
	file.getLineAndCharacterOfPosition(position).line + 1;

/** The file's length when it is over the limit and its first lines give no reason. */
export function fileTooLong(path: string, text: string): TooLong | undefined {
	const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
	const top = text.split('\n').slice(0, 5);
	if (lines <= maxFileLines || top.some((line) => line.startsWith(reasonMark))) return undefined;
	return { where: path, lines };
}

/** A name for a function, as a reader would look for it. */
function nameOf(node: ts.SignatureDeclaration): string {
	if (node.name) return node.name.getText();
	const parent = node.parent;
	if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
		return parent.name.getText();
	return `(${ts.SyntaxKind[node.kind]})`;
}

/** Whether the comments just above the function's statement give a reason for its length. */
function hasReason(file: ts.SourceFile, node: ts.Node): boolean {
	let statement: ts.Node = node;
	while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent))
		statement = statement.parent;
	const comments = ts.getLeadingCommentRanges(file.text, statement.getFullStart()) ?? [];
	return comments.some((c) => file.text.slice(c.pos, c.end).startsWith(reasonMark));
}

/** Functions (declarations, methods, arrows) over the limit, without a reason above them. */
export function functionsTooLong(path: string, text: string): TooLong[] {
	const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
	const found: TooLong[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isFunctionLike(node) && 'body' in node && node.body) {
			const first = lineOf(file, node.getStart());
			const lines = lineOf(file, node.end) - first + 1;
			if (lines > maxFunctionLines && !hasReason(file, node))
				found.push({ where: `${path}:${first} ${nameOf(node)}`, lines });
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

/** Everything too long in the files, read from disk. */
export function tooLong(paths: string[]): TooLong[] {
	return paths.flatMap((path) => {
		const text = readFileSync(path, 'utf8');
		const file = fileTooLong(path, text);
		return [...(file ? [file] : []), ...functionsTooLong(path, text)];
	});
}
