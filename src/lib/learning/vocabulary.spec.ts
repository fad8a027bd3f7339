import { describe, expect, it } from 'vitest';
import { learningToDo } from './vocabulary';

describe('learning to do', () => {
	it('says what waits, in the singular or plural, and leaves out what is none', () => {
		expect(learningToDo(0, 1)).toBe('1 pathway to complete');
		expect(learningToDo(1, 0)).toBe('1 open learning need');
		expect(learningToDo(2, 3)).toBe('2 open learning needs and 3 pathways to complete');
		expect(learningToDo(0, 0)).toBe('');
	});
});
