import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

// The form actions the app has, read from its source: every `src/routes/**/+page.server.ts`
// exporting `actions`, with the names of its actions. Read with the TypeScript parser rather
// than a pattern, so formatting or a `satisfies Actions` cannot hide one.

/** A form action: `default` posts to the page itself, a named one to `?/name`. */
export interface FormAction {
	/** The route id, as in `src/routes`, e.g. `/portfolio/[id]`. */
	route: string;
	name: string;
}

/** How an action is named in the fuzz table and in reports: `/portfolio/[id]?/save`, `/sign-in`. */
export const actionKey = ({ route, name }: FormAction) =>
	name === 'default' ? route : `${route}?/${name}`;

/** The names of the properties of the object a file exports as `actions`. */
function actionNames(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const names: string[] = [];
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
		for (const declaration of statement.declarationList.declarations) {
			if (!exported || declaration.name.getText(source) !== 'actions') continue;
			let value = declaration.initializer;
			while (value && (ts.isSatisfiesExpression(value) || ts.isAsExpression(value)))
				value = value.expression;
			if (!value || !ts.isObjectLiteralExpression(value))
				throw new Error(`${file}: cannot read the actions it exports`);
			for (const property of value.properties) {
				const name = property.name;
				if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name)))
					throw new Error(`${file}: an action without a plain name`);
				names.push(name.text);
			}
		}
	}
	return names;
}

/** Every form action under `src/routes`, in a stable order. */
export function formActions(root = 'src/routes'): FormAction[] {
	const found: FormAction[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || entry.name !== '+page.server.ts') continue;
		const file = join(entry.parentPath, entry.name);
		const route = `/${relative(root, entry.parentPath)
			.split(sep)
			.filter((part) => part && !/^\(.*\)$/.test(part))
			.join('/')}`;
		for (const name of actionNames(file)) found.push({ route, name });
	}
	return found.sort((a, b) => actionKey(a).localeCompare(actionKey(b)));
}
