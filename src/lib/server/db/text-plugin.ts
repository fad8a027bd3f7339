import {
	OperationNodeTransformer,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type PrimitiveValueListNode,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow,
	type ValueNode
} from 'kysely';

/** A NUL character, which PostgreSQL refuses in text and SQLite cuts text short at. */
const nul = /\0/g;

const clean = (value: unknown) =>
	typeof value === 'string' && value.includes('\0') ? value.replace(nul, '') : value;

class StripNul extends OperationNodeTransformer {
	protected override transformValue(node: ValueNode): ValueNode {
		const value = clean(node.value);
		return value === node.value ? node : { ...node, value };
	}

	protected override transformPrimitiveValueList(
		node: PrimitiveValueListNode
	): PrimitiveValueListNode {
		return { ...node, values: node.values.map(clean) };
	}
}

/**
 * Whether any text in a query's tree holds a NUL. Looking is far cheaper than the transformer's
 * copy of every node, so a query is copied only when there is something to remove.
 */
function holdsNul(node: unknown): boolean {
	if (typeof node === 'string') return node.includes('\0');
	// Bytes (a file's) are not text: nothing to look through.
	if (typeof node !== 'object' || node === null || ArrayBuffer.isView(node)) return false;
	if (Array.isArray(node)) {
		for (const item of node) if (holdsNul(item)) return true;
		return false;
	}
	// `for…in` rather than Object.values: no array made for each of a query's many nodes.
	for (const key in node) if (holdsNul((node as Record<string, unknown>)[key])) return true;
	return false;
}

/**
 * Removes NUL characters from every text the app sends to the database — form fields, URL
 * parameters, search words — so hostile input cannot turn a query into a 500 on PostgreSQL, and
 * both databases keep the same text. Forms already clean their text; this is the last guard.
 */
export class StripNulPlugin implements KyselyPlugin {
	readonly #transformer = new StripNul();

	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		return holdsNul(args.node) ? this.#transformer.transformNode(args.node) : args.node;
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return args.result;
	}
}
