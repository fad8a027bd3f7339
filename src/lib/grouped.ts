/** Rows by a key, each list in the rows' order (Map.groupBy, which Node 20 lacks). */
export function groupedBy<T>(rows: T[], key: (row: T) => string): (value: string) => T[] {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const group = groups.get(key(row));
		if (group) group.push(row);
		else groups.set(key(row), [row]);
	}
	return (value) => groups.get(value) ?? [];
}
