// A small deterministic generator (mulberry32), for fictional data that is the same on every
// run: the demo authority's seed and the benchmarks' generated authorities.

/**
 * Numbers in [0, 1) from a seed, the same sequence for the same seed.
 * @param {number} seed
 * @returns {() => number}
 */
export function random(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
