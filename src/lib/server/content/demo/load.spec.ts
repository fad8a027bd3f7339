import { describe, expect, it } from 'vitest';
import { checkContent } from '../check';
import { readContentFiles } from '../files';
import { loadDemoContent } from './load';

const files = readContentFiles('content');
const { frameworks, standardSets, audit, pathways } = checkContent();
const load = (changed: Record<string, string>) =>
	loadDemoContent({ ...files, ...changed }, { frameworks, standardSets, audit, pathways });

const record = 'demo/evidence/practitioner/1-three-houses-with-a-7-year-old.md';
const withRecord = (from: string, to: string) => ({ [record]: files[record].replace(from, to) });

describe('the demo authority in content/demo', () => {
	it('holds 41 people (an external assessor and a new starter among them) in 3 teams and 40 records, in the order of people', () => {
		const demo = load({});
		expect(demo.people).toHaveLength(41);
		// The new starter is in a team but has no supervisor yet, and no programme.
		expect(demo.people.find((p) => p.email === 'new.starter@demo.test')).toEqual({
			email: 'new.starter@demo.test',
			name: 'Nia Roberts',
			stage: 'asye',
			roles: ['practitioner'],
			team: 'North Assessment Team',
			supervisor: undefined
		});
		expect(demo.teams.map((t) => t.manager)).toEqual([
			'grace.mensah@demo.test',
			'owen.price@demo.test',
			'farah.siddiqui@demo.test'
		]);
		expect(demo.evidence).toHaveLength(40);
		expect(demo.evidence[0]).toMatchObject({
			owner: 'practitioner@demo.test',
			input: {
				title: 'Three houses with a 7-year-old, observed by my practice supervisor',
				cpdType: 'practice-learning',
				peerReflected: true,
				cpdMinutes: 120
			},
			review: { by: 'supervisor@demo.test', daysAfter: 10, feedback: undefined }
		});
		expect(Object.keys(demo.evidence[0].input.reflection)).toEqual([
			'description',
			'feelings',
			'evaluation',
			'analysis',
			'conclusion',
			'actionPlan'
		]);
		expect(demo.evidence.at(-1)!.owner).toBe('yasmin.haddad@demo.test');
	});

	it('refuses a person, outcome or standard that does not exist, naming the file and line', () => {
		const audits = files['demo/audits.yaml'];
		const line = audits.split('\n').indexOf('    auditor: owen.price@demo.test') + 1;
		const changed = audits.replace(
			'    auditor: owen.price@demo.test',
			'    auditor: owen@demo.test'
		);
		expect(() => load({ 'demo/audits.yaml': changed })).toThrow(
			`content/demo/audits.yaml:${line}: there is no person "owen@demo.test"`
		);
		// An address is a person wherever it is, a key too.
		const programme = files['demo/programme.yaml'].replace('{ maya.joseph@', '{ maya.josef@');
		expect(() => load({ 'demo/programme.yaml': programme })).toThrow(
			/^content\/demo\/programme\.yaml:\d+: there is no person "maya\.josef@demo\.test"/
		);
		expect(() => load(withRecord("outcomes: ['2.3', '3.1']", "outcomes: ['2.3', '9.9']"))).toThrow(
			`content/${record}: there is no outcome "9.9"`
		);
		expect(() => load(withRecord('standards: [', 'standards: [knowsley-99, '))).toThrow(
			/there is no standard "knowsley-99"/
		);
	});

	it("refuses feedback asked about a record that is not one of the demo ASYE's", () => {
		const programme = files['demo/programme.yaml'];
		const about = 'about: Building a genogram with a family to find support';
		const line = programme.split('\n').indexOf(`    ${about}`) + 1;
		expect(() => load({ 'demo/programme.yaml': programme.replace(about, 'about: Nothing') })).toThrow(
			`content/demo/programme.yaml:${line}: the demo ASYE has no record "Nothing"`
		);
	});

	it('refuses a heading the reflective model does not have, or a missing text', () => {
		const lines = files[record].split('\n');
		const line = lines.indexOf('## Feelings') + 1;
		expect(() => load(withRecord('## Feelings', '## Feeling'))).toThrow(
			new RegExp(`^content/${record}:${line}: "## Feeling" is not a heading here`)
		);
		expect(() => load(withRecord('## Impact', '## Analysis'))).toThrow(/not a second time/);
		expect(() => load(withRecord('## Account\n\n', '## Account\n\n## Relevance\n\n'))).toThrow(
			/not a second time/
		);
		expect(() => load(withRecord('status: accepted', 'status: draft'))).toThrow(
			/accepted and returned records have a review/
		);
	});

	it('refuses a record of someone who is not in the authority', () => {
		const stray = record.replace('practitioner/', 'nobody/');
		expect(() => load({ [stray]: files[record] })).toThrow(
			`content/${stray}: there is no person nobody@demo.test`
		);
	});
});
