import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Every form action under `src/routes`, named as a form posts to it: the route for a default
 * action (`/admin/teams`), the route and `?/name` for a named one (`/admin/people/[id]?/save`).
 * Read from the source with the TypeScript parser, so a new action is found however it is
 * written; an `actions` export that is not an object literal fails, naming its file.
 */
export function formActions(root = 'src/routes') {
	const found: string[] = [];
	const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('+page.server.ts'))
		.sort();
	for (const file of files) {
		const path = join(root, file);
		const route = `/${dirname(relative(root, path)).split(sep).join('/')}`.replace(/^\/\.$/, '/');
		for (const name of actionNames(path))
			found.push(name === 'default' ? route : `${route}?/${name}`);
	}
	return found;
}

function actionNames(path: string): string[] {
	const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'actions') continue;
			let value = declaration.initializer;
			while (
				value &&
				(ts.isSatisfiesExpression(value) ||
					ts.isAsExpression(value) ||
					ts.isParenthesizedExpression(value))
			)
				value = value.expression;
			if (!value || !ts.isObjectLiteralExpression(value))
				throw new Error(`${path}: cannot list the actions, which are not an object literal`);
			return value.properties.map((property) => {
				if (ts.isSpreadAssignment(property) || !property.name)
					throw new Error(`${path}: cannot list the actions, which spread another object`);
				return ts.isStringLiteral(property.name) || ts.isIdentifier(property.name)
					? property.name.text
					: property.name.getText(source);
			});
		}
	}
	return [];
}
