import { describe, expect, test } from 'vitest';
import {
	fileTooLong,
	functionsTooLong,
	maxFileLines,
	maxFunctionLines,
	reasonMark,
	sourceFiles,
	tooLong
} from './code-size';

// Code that reads in one pass: no function over about 60 lines and no file over about 300,
// unless a `// Long because:` comment at the top of the file (or just above the function) says
// why. Measured over src/lib and bench, where the logic lives.

/** Files measured by other rules, each with why. */
const exempt: { path: RegExp; why: string }[] = [
	{ path: /\.spec\.ts$/, why: 'a spec reads as its list of cases, however many there are' },
	{ path: /\/db\/migrations\//, why: 'a released migration is frozen, never edited' }
];

const measured = [...sourceFiles('src/lib'), ...sourceFiles('bench')].filter(
	(path) => !exempt.some(({ path: pattern }) => pattern.test(path))
);

describe('the code in src/lib and bench', () => {
	test(`has no file over ${maxFileLines} lines or function over ${maxFunctionLines} without a reason`, () => {
		expect(tooLong(measured)).toEqual([]);
	});

	test('is measured at all: TypeScript and JavaScript, the server and the benches', () => {
		expect(measured.length).toBeGreaterThan(100);
		expect(measured).toContain('src/lib/server/workforce/audit-analysis.ts');
		expect(measured).toContain('bench/workforce.js');
		expect(measured.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(5);
	});
});

describe('the measure', () => {
	const lines = (n: number, line = 'x;') => Array.from({ length: n }, () => line).join('\n');
	const fn = (bodyLines: number) => `function long() {\n${lines(bodyLines, '\tcall();')}\n}\n`;

	test('finds a function one line over the limit, by name and line, and not one at it', () => {
		expect(functionsTooLong('a.ts', `const a = 1;\n${fn(maxFunctionLines - 1)}`)).toEqual([
			{ where: 'a.ts:2 long', lines: maxFunctionLines + 1 }
		]);
		expect(functionsTooLong('a.ts', fn(maxFunctionLines - 2))).toEqual([]);
	});

	test('measures arrow functions and methods, nested ones too, by the name they are given', () => {
		const arrow = `export const build = () => {\n${lines(maxFunctionLines, '\tcall();')}\n};`;
		const method = `class A {\n\tplan() {\n${lines(maxFunctionLines, '\t\tcall();')}\n\t}\n}`;
		const nested = `function outer() {\n\treturn [1].map((n) => {\n${lines(maxFunctionLines)}\n\t});\n}`;
		expect(functionsTooLong('b.ts', arrow).map((f) => f.where)).toEqual(['b.ts:1 build']);
		expect(functionsTooLong('c.js', method).map((f) => f.where)).toEqual(['c.js:2 plan']);
		expect(functionsTooLong('d.ts', nested).map((f) => f.where)).toEqual([
			'd.ts:1 outer',
			'd.ts:2 (ArrowFunction)'
		]);
	});

	test('lets a function be longer with a reason just above it', () => {
		expect(functionsTooLong('e.ts', `${reasonMark} one table, row by row.\n${fn(70)}`)).toEqual([]);
		expect(functionsTooLong('e.ts', `// Long.\n${fn(70)}`)).toHaveLength(1);
	});

	test('finds a file over the limit unless its top says why', () => {
		const body = lines(maxFileLines + 1);
		expect(fileTooLong('f.ts', body)).toEqual({ where: 'f.ts', lines: maxFileLines + 1 });
		expect(fileTooLong('f.ts', `${lines(maxFileLines)}\n`)).toBeUndefined();
		expect(fileTooLong('f.ts', `${reasonMark} the schema, whole.\n${body}`)).toBeUndefined();
		expect(fileTooLong('f.ts', `${lines(10)}\n${reasonMark} too late.\n${body}`)).toBeDefined();
	});
});
