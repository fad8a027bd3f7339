/**
 * A rehype plugin for mdsvex: gives each `## 3. Title` heading the id `item-3`, so that
 * any numbered item in the content (a practice standard, a STARLIng stage) can be linked to.
 */
export default function headingIds() {
	/** @param {any} node */
	const visit = (node) => {
		if (node.type === 'element' && node.tagName === 'h2') {
			const first = node.children?.find((/** @type {any} */ child) => child.type === 'text');
			const number = first && /^\s*(\d+)\./.exec(first.value);
			if (number) node.properties = { ...node.properties, id: `item-${number[1]}` };
		}
		node.children?.forEach(visit);
	};
	return visit;
}
