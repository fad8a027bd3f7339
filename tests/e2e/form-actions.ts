import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Every form action under `src/routes`, named as a form posts to it: the route for a default
 * action (`/admin/teams`), the route and `?/name` for a named one (`/admin/people/[id]?/save`).
 * Read from the source: an object literal's keys as written, and otherwise (actions made by a
 * function) the properties of its type, asked of the TypeScript checker. Fails, naming the file,
 * when neither says what the actions are.
 */
export function formActions(root = 'src/routes') {
	const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('+page.server.ts'))
		.sort()
		.map((file) => resolve(root, file));
	const names = new Map<string, string[]>();
	const typed: string[] = [];
	for (const file of files) {
		const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
		const actions = actionsOf(source);
		if (!actions) continue;
		const keys = literalKeys(actions);
		if (keys) names.set(file, keys);
		else typed.push(file);
	}
	if (typed.length) for (const [file, keys] of typedKeys(typed)) names.set(file, keys);

	const found: string[] = [];
	for (const file of files) {
		const route = `/${dirname(relative(resolve(root), file))
			.split(sep)
			.join('/')}`;
		const base = route === '/.' ? '/' : route;
		for (const name of names.get(file) ?? [])
			found.push(name === 'default' ? base : `${base}?/${name}`);
	}
	return found;
}

/** The value of `export const actions = …`, without `satisfies`, `as` or parentheses. */
function actionsOf(source: ts.SourceFile) {
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
			if (!value) throw new Error(`${source.fileName}: \`actions\` has no value`);
			return value;
		}
	}
	return undefined;
}

/** An object literal's keys, or nothing when it is not one (or spreads another). */
function literalKeys(value: ts.Expression) {
	if (!ts.isObjectLiteralExpression(value)) return undefined;
	const keys: string[] = [];
	for (const property of value.properties) {
		if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
			return undefined;
		keys.push(property.name.text);
	}
	return keys;
}

/** The actions' names from their type, for actions that a function makes. */
function typedKeys(files: string[]) {
	const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', undefined, {
		...ts.sys,
		onUnRecoverableConfigFileDiagnostic: (d) => {
			throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
		}
	})!;
	const program = ts.createProgram(files, { ...config.options, noEmit: true });
	const checker = program.getTypeChecker();
	return files.map((file): [string, string[]] => {
		const actions = actionsOf(program.getSourceFile(file)!)!;
		const type = checker.getTypeAtLocation(actions);
		const keys = checker.getPropertiesOfType(type).map((p) => p.getName());
		if (!keys.length)
			throw new Error(`${file}: cannot tell the actions' names from \`actions\` or its type`);
		return [file, keys];
	});
}
