// Looks for details that could identify a child or family in a portfolio record's texts and
// file names. It only warns: the practitioner sees each finding in context and either changes
// the text or confirms that it identifies no one. So the rules lean towards catching real
// identifiers, while keeping false alarms on ordinary professional prose rare, because a
// checker that cries wolf teaches people to tick the box without reading.
//
// Pure: no database, no SvelteKit. Each rule below is a function from a text to candidate spans;
// overlapping candidates are then reduced to one finding each, the most specific kind winning.

export type FindingKind =
	'name' | 'date-of-birth' | 'postcode' | 'nhs-number' | 'phone' | 'email' | 'address';

export interface CheckedField {
	/** The form field's name, e.g. `account` or `reflection.gibbs.feelings` or `file:report.pdf`. */
	name: string;
	/** What the person calls it, e.g. "Account of the activity". */
	label: string;
	text: string;
}

export interface Finding {
	kind: FindingKind;
	/** `CheckedField.name` */
	field: string;
	/** `CheckedField.label` */
	label: string;
	/** The text found: always `text.slice(start, end)` of the field. */
	match: string;
	start: number;
	end: number;
	/** Up to about 40 characters before the match, cut at a word, with "…" if cut. */
	before: string;
	/** The same after the match. */
	after: string;
	/** What it looks like and what to do, in plain English. */
	message: string;
}

export const findingKindNames: Record<FindingKind, string> = {
	name: 'Name',
	'date-of-birth': 'Date of birth',
	postcode: 'Postcode',
	'nhs-number': 'NHS number',
	phone: 'Phone number',
	email: 'Email address',
	address: 'Address'
};

const messages: Record<FindingKind, string> = {
	name: 'This looks like a person’s name. Use a role or an initial instead, such as ‘the child (A)’ or ‘Mother’.',
	'date-of-birth': 'This looks like a date of birth. Use an age instead, such as ‘aged 9’.',
	postcode: 'This looks like a postcode. Leave out addresses and postcodes.',
	'nhs-number': 'This looks like an NHS number. Leave out NHS numbers and other reference numbers.',
	phone: 'This looks like a phone number. Leave out phone numbers.',
	email: 'This looks like an email address. Leave out email addresses.',
	address:
		'This looks like a street address. Leave out addresses, or say ‘the family home’ instead.'
};

// When candidates overlap, the kind earlier here is kept: it says more about what the text is.
// A date after "DOB" is a date of birth, not a phone number; "Jane.Smith@…" is an email.
const specificity: FindingKind[] = [
	'date-of-birth',
	'nhs-number',
	'email',
	'postcode',
	'phone',
	'address',
	'name'
];

const contextLength = 40;

interface Candidate {
	kind: FindingKind;
	start: number;
	end: number;
}

interface Options {
	allowedNames?: string[];
}

/** Each field's likely identifying details, in field order and then by position. */
export function checkAnonymity(fields: CheckedField[], options: Options = {}): Finding[] {
	const allowed = (options.allowedNames ?? []).map(wordsOf).filter((words) => words.length > 0);
	return fields.flatMap((field) => {
		const file = field.name.startsWith('file:');
		const text = field.text ?? '';
		const candidates = [
			...datesOfBirth(text),
			...nhsNumbers(text),
			...emails(text),
			...postcodes(text),
			...phones(text),
			...addresses(text),
			...names(text, file, allowed)
		];
		return keepMostSpecific(candidates).map((c) => ({
			kind: c.kind,
			field: field.name,
			label: field.label,
			match: text.slice(c.start, c.end),
			start: c.start,
			end: c.end,
			before: contextBefore(text, c.start),
			after: contextAfter(text, c.end),
			message: messages[c.kind]
		}));
	});
}

function keepMostSpecific(candidates: Candidate[]): Candidate[] {
	const ranked = [...candidates].sort(
		(a, b) =>
			specificity.indexOf(a.kind) - specificity.indexOf(b.kind) ||
			b.end - b.start - (a.end - a.start) ||
			a.start - b.start
	);
	const kept: Candidate[] = [];
	for (const c of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
	return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

const tidy = (s: string) => s.replace(/\s+/g, ' ');

function contextBefore(text: string, start: number): string {
	const from = start - contextLength;
	if (from <= 0) return tidy(text.slice(0, start)).trimStart();
	let slice = text.slice(from, start);
	// Starting mid-word would show a meaningless fragment, so begin at the next word.
	if (!/\s/.test(text[from - 1])) {
		const space = slice.search(/\s/);
		if (space >= 0) slice = slice.slice(space);
	}
	return '…' + tidy(slice).trimStart();
}

function contextAfter(text: string, end: number): string {
	const to = end + contextLength;
	if (to >= text.length) return tidy(text.slice(end)).trimEnd();
	let slice = text.slice(end, to);
	if (!/\s/.test(text[to])) {
		const space = slice.search(/\s\S*$/);
		if (space >= 0) slice = slice.slice(0, space);
	}
	return tidy(slice).trimEnd() + '…';
}

function* spans(pattern: RegExp, text: string, group = 0) {
	for (const m of text.matchAll(pattern)) {
		const [start, end] = m.indices?.[group] ?? [m.index, m.index + m[0].length];
		yield { m, start, end };
	}
}

// ---------------------------------------------------------------------------------------------
// Dates of birth. Practitioners write ordinary dates all the time ("On 3 March 2026 I visited"),
// so a date counts only next to a cue that says it is a birth date. The match is the date alone:
// the cue ("DOB") identifies no one, and the advice is to replace the date with an age.

// Only an abbreviation takes a dot, so a full stop after "4 May." stays out of the match.
const month = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun(?:e|\.)?|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
const day = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const year = String.raw`(?:19|20)\d{2}`;
const dayMonth = String.raw`${day}(?:\s+of)?\s+${month}`;
const fullDate = [
	String.raw`${year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`, // 2015-05-04
	String.raw`(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d{2}`, // 4/5/15
	String.raw`${dayMonth},?\s+${year}`, // 4th of May 2015
	String.raw`${month}\s+${day},?\s+${year}` // May 4, 2015
].join('|');
// After a cue, less than a full date still dates a birth: "born in May 2015", "born 2015".
const cuedDate = `${fullDate}|${month}\\s+${year}|${dayMonth}|${year}`;
const birthCue = String.raw`d\.?o\.?b\.?|date\s+of\s+birth|born|birthday|b\.`;
// "DOB: 4/5/15", "born on the 4th of May 2015", "date of birth is 4 May 2015", "DOB_2015-05-04".
const cueGap = String.raw`[\s:=_\-–—(,]*(?:(?:is|was|of|on|in|the|around)\s+)*`;
const dateAfterCue = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(${birthCue})(?!\p{L})${cueGap}(${cuedDate})(?![\p{L}\p{N}])`,
	'dgiu'
);
// "04/05/2015 (DOB)"
const dateBeforeCue = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(${fullDate})[ \t]*[(\[,]?[ \t]*(?:d\.?o\.?b\.?|date\s+of\s+birth)(?!\p{L})`,
	'dgiu'
);

function datesOfBirth(text: string): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(dateAfterCue, text, 2)) {
		// "b." is a cue only in lower case, as in "b. 2015"; "Plan B. 2015" is not a birth.
		if (m[1] === 'B.') continue;
		// "Her birthday in May 2025" says when a birthday was, not when she was born.
		if (/^birthday$/i.test(m[1]) && /^(?:\p{L}+\.?\s+)?\d{4}$/u.test(m[2])) continue;
		found.push({ kind: 'date-of-birth', start, end });
	}
	for (const { start, end } of spans(dateBeforeCue, text, 1))
		found.push({ kind: 'date-of-birth', start, end });
	return found;
}

// ---------------------------------------------------------------------------------------------
// NHS numbers: ten digits, often 3-3-4, whose last digit is the modulus 11 check digit, so most
// other ten-digit numbers fail. Phone numbers start with 0 and NHS numbers do not. After "NHS no"
// or "NHS number" any run of digits counts, since a mistyped NHS number is still one.

const nhsNumber = /(?<![\p{L}\p{N}£$.])[1-9]\d{2}([ -]?)\d{3}\1\d{4}(?![\p{L}\p{N}]|[.,]\d)/gu;
const cuedNhsNumber =
	/(?<!\p{L})NHS[ \t]*(?:(?:no\.?|number|num\.?|#)[ \t]*[:=\-–]?|:)[ \t]*(?:is[ \t]+)?(\d(?:[ \t-]?\d){8,11})(?!\d)/dgiu;

/** The NHS modulus 11 check: weights 10 to 2 on the first nine digits. */
function isValidNhsNumber(value: string): boolean {
	const digits = value.replace(/\D/g, '');
	if (digits.length !== 10) return false;
	let sum = 0;
	for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
	const check = 11 - (sum % 11);
	if (check === 10) return false;
	return (check === 11 ? 0 : check) === Number(digits[9]);
}

function nhsNumbers(text: string): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(nhsNumber, text))
		if (isValidNhsNumber(m[0])) found.push({ kind: 'nhs-number', start, end });
	for (const { start, end } of spans(cuedNhsNumber, text, 1))
		found.push({ kind: 'nhs-number', start, end });
	return found;
}

// ---------------------------------------------------------------------------------------------
// UK phone numbers: 01, 02, 03 and 07 numbers, written with 0, +44 or 0044, with spaces,
// hyphens or brackets anywhere. The pattern finds the shape; the digit count decides.

const phone =
	/(?<![\p{L}\p{N}+])(?:(?:\+|00)[ \t]?44[ \t-]?(?:\(0\)|0)?[ \t-]?\(?|\(?0)([1237](?:[ \t-]?\)?[ \t-]?\d){8,9})(?!\p{N})/dgu;

function phones(text: string): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(phone, text)) {
		const digits = m[1].replace(/\D/g, '');
		// Ten digits after the 0; a few 01 numbers have nine.
		if (digits.length === 10 || (digits.length === 9 && digits[0] === '1'))
			found.push({ kind: 'phone', start, end });
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Email addresses.

const email =
	/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

function emails(text: string): Candidate[] {
	return [...spans(email, text)].map(({ start, end }) => ({ kind: 'email', start, end }));
}

// ---------------------------------------------------------------------------------------------
// Postcodes: the standard outward and inward shapes, in any case, with or without the space.
// Whole tokens only, so a postcode-shaped piece of a longer word does not count.

const postcode =
	/(?<![\p{L}\p{N}])(?:(?:[A-PR-UWYZ]\d\d?|[A-PR-UWYZ][A-HK-Y]\d\d?|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY])[ \t_-]?\d[ABD-HJLNP-UW-Z]{2}|GIR[ \t]?0AA)(?![\p{L}\p{N}])/giu;

function postcodes(text: string): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(postcode, text)) {
		const letters = m[0].replace(/[^A-Za-z]/g, '');
		// People type postcodes all in capitals or all in lower case. Mixed case is usually prose
		// that happens to fit the shape, such as "Y10 2nd" (year 10, second half term).
		if (letters === letters.toUpperCase() || letters === letters.toLowerCase())
			found.push({ kind: 'postcode', start, end });
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Street addresses: a house number (perhaps "Flat 3," first), one to three capitalised words and
// a street suffix. Without the suffix it is not an address: "10 Good Practice Standards".

// prettier-ignore
const streetSuffixes = [
	'Road', 'Rd', 'Street', 'St', 'Avenue', 'Ave', 'Lane', 'Ln', 'Close', 'Drive', 'Dr', 'Way',
	'Court', 'Ct', 'Crescent', 'Cres', 'Place', 'Pl', 'Grove', 'Gardens', 'Gdns', 'Terrace', 'Hill',
	'Row', 'Walk', 'Mews', 'Square', 'Sq', 'Parade', 'View', 'Rise'
];
const address = new RegExp(
	String.raw`(?<![\p{L}\p{N}£$.])(?:(?:Flat|Apartment|Apt|Unit)\.?[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)?\d{1,4}[A-Za-z]?(?:-\d{1,4}[A-Za-z]?)?,?[ \t]+((?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3})(?:${streetSuffixes.join('|')})(?!\p{L})\.?`,
	'gu'
);
// "3 Family Court hearings" counts courts, not a street called Family Court.
const courts =
	/(?:^|[ \t])(?:Family|Crown|County|High|Youth|Magistrates['’]?|Supreme|Appeal|Coroner['’]?s|Civil|Combined)[ \t]+$/;

function addresses(text: string): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(address, text)) {
		const matched = text.slice(start, end).replace(/\.$/, '');
		if (matched.endsWith('Court') && courts.test(' ' + m[1])) continue;
		found.push({ kind: 'address', start, end: start + matched.length });
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Personal names. Three rules:
//   1. a title and a capitalised word: "Mrs Patel", "Dr. Khan", "Mr J. Smith";
//   2. a cue and a capitalised word: "her son Kai", "a child called Ruby", "Mother Jane";
//   3. a common given name from the list below, with a surname ("Jane Smith") or alone ("I spoke
//      with Jane about…").
// Capitalised words that are ordinary words or professional terms (stopWords) never count as
// names after a cue, and names that are also ordinary or place words need more evidence.
// File names are split at underscores, hyphens, dots and capitals: "Jane_Smith_report.pdf".

/** Splits a list written as words separated by spaces into a lower-case set. */
const wordSet = (...lists: string[]) =>
	new Set(lists.flatMap((list) => list.trim().split(/\s+/)).map(fold));

function fold(word: string): string {
	return word.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

/** Common given names in England and Wales, across ages and backgrounds. */
const plainNames = wordSet(
	// boys and young men
	`oliver george harry noah jack leo arthur muhammad mohammed mohammad mohamed mohamud oscar
	charlie jacob thomas henry william freddie alfie theo theodore archie joshua alexander james
	isaac edward lucas tommy finley finlay logan ethan teddy benjamin arlo joseph sebastian
	harrison elijah adam daniel samuel louie mason reuben albie rory jaxon hugo luca zachary
	reggie louis dylan albert ronnie jude liam elliot elliott frankie ezra jenson toby caleb
	harvey kai ollie dexter riley jayden jaiden kaiden kayden jake tyler kian callum connor kyle
	leon lewis luke nathan owen ryan ben aaron bradley brandon cameron declan dominic ellis ewan
	finn gabriel jamie joel jonathan kieran lee marcus matthew michael nicholas patrick reece rhys
	robert scott sean seán shane stephen steven stuart tristan zac zak zack alfred stanley
	frederick ralph otis ernie jesse jasper felix austin blake brody cody corey dante kane keegan
	levi lennon lenny myles nico ricky robbie rocco sonny spencer troy vinnie warren zachariah
	harley bailey mateo matteo tiago marco jaxson jackson jaden jaydon brayden braydon kyran
	keelan kaylan mikey oakley mackenzie mckenzie kenzie taylor shay`,
	// Muslim, South Asian, African, Caribbean, Turkish and Eastern European names
	`ibrahim yusuf yousef ali hassan hussain hussein omar umar usman uthman ahmed ahmad abdul
	abdullah abdullahi abdi abdirahman bilal hamza ismail ayaan rayyan zayn zain musa idris amir
	zakariya zakaria yahya haris rehan saif sami tahir waqas asif arif nadeem shahid khalid rashid
	karim kareem nasir hamid faisal farhan irfan imran tariq aarav arjun rohan harjit gurpreet
	ravi sanjay vikram rahul raj amit ajay vijay deepak sunil anil sandeep manjit jaspreet kuldeep
	rajesh suresh mahesh nikhil aryan vihaan krish ishaan reyansh kwame kofi kojo yaw kwabena
	tunde chidi emeka femi segun adebayo oluwaseun chinedu obinna kelechi ikenna jamal tyrone
	dwayne darnell malachi nathaniel jermaine andre marlon leroy winston delroy mehmet mustafa
	emre ahmet jakub kacper szymon filip mateusz piotr tomasz marek dominik bartosz wiktor
	mikolaj aleksander oskar andrei ionut mihai florin bogdan vlad alexandru darius lukas jonas
	matas luka nikola stefan adrian`,
	// men
	`david john paul andrew richard christopher peter anthony gary darren wayne craig neil ian
	simon keith kevin martin graham philip phillip barry colin trevor terry jason carl alan brian
	derek dennis roy ronald kenneth raymond gordon malcolm roger geoffrey clive nigel shaun lloyd
	gareth jeremy sam tom tony steve mike dan danny joe jim jimmy bob billy charles kenny jon josh
	alex dafydd gethin osian iwan rhodri aled dewi huw ieuan chris matt andy pete phil dave rick
	fred greg jonny johnny sammy`,
	// girls and young women
	`olivia amelia isla ava ivy freya lily mia willow rosie sophia isabella grace daisy sienna
	poppy elsie emily ella evelyn phoebe sofia evie charlotte harper millie matilda maya sophie
	alice emilia isabelle ruby luna maisie aria penelope mila bonnie eva hallie eliza ada violet
	esme arabella imogen jessica delilah thea layla chloe chloé megan jade holly leah abigail
	bethany courtney danielle demi ellie gemma hayley jodie kayleigh kelly lauren lucy molly
	natasha paige rebecca samantha shannon stacey stacy tia tilly zoe zoë kimberley kimberly
	amelie ayla eloise elodie gracie hollie indie isabel isobel kayla kiera keira lana lara lilly
	lillie maddison madison mollie naomi nadia neve olive pearl rhea riya rosa stella tara harriet
	annabelle beatrice clara edith nancy mabel orla niamh siobhan aoife ciara erin caitlin
	eleanor ellen heidi iris jessie lola lexi lacey macie nova remi sadie scarlett serena tegan
	tiana aurora hazel heather jasmine crystal angel harmony blessing destiny lyla mya myla nyla
	cerys ffion seren carys bethan sian siân angharad eleri nia lowri bella darcey darcy maisy
	macey macy maci kacey kacie kaycee lexie brooke paisley tayla raya`,
	`maryam mariam aisha ayesha fatima zainab khadija khadijah hafsa amira amina aminah zara zahra
	inaya anaya aaliyah safa noor nur hana hannah sara sarah yasmin yasmine leila lila asma halima
	hodan sumaya sumayyah ruqayyah rukhsana nazia shazia samina farzana shabana parveen nasreen
	salma jamila rania leyla hiba iqra laiba muskan aleena alina haniya zoya maira priya anjali
	simran harpreet manpreet navjot kiran pooja neha shreya esha ishani kavya saanvi diya jiya
	aanya myra siya chioma ngozi adaeze folake funmi abena ama esi amara ayo zeynep elif ayse
	zuzanna julia maja natalia oliwia wiktoria agnieszka katarzyna magdalena ioana andreea elena
	maria gabriela ana ieva gabija aleksandra anastasia daria`,
	// women
	`amy emma laura rachel rachael nicola claire clare lisa michelle karen julie tracey tracy
	joanne donna sharon susan elaine carol jane janet jean jennifer jenny helen kate katie
	kathryn catherine katherine elizabeth sally sandra pauline linda margaret patricia barbara
	christine angela deborah debbie wendy alison alexandra louise kirsty caroline joanna lindsey
	lindsay charlene leanne jolene kerry toni chantelle shanice tanisha keisha bridget mary
	kathleen roxanne shauna sinead stephanie suzanne teresa theresa vicky yvonne jackie
	jacqueline gillian fiona diane dianne denise beverley marie maureen irene joan judith valerie
	jill josephine sheila shirley brenda doreen eileen gloria lorraine lynn lynne mandy melanie
	rebekah sonia tina lucia lucie ruth rita tanya vanessa natalie jo becky beth liz lizzie jen
	jess katy nikki abi abby gabby izzy maddie tash steph sammie`
);

// Names that are also everyday words and often start a sentence ("Will the family…", "Hope is…").
// At a sentence's start or after "the", "a", "his"… they need a known surname to count.
const wordlikeNames = wordSet(
	`will mark hope faith joy rose frank drew sue pat rob nick guy ray miles max dawn chase
	precious mercy glen dale`
);

// Names that are also places, seasons, festivals or titles, so capitalised whatever they mean
// ("India", "Christmas Eve", "the Dean", "rated Amber"). Alone they count only after a word such
// as "with" or "told"; with a surname, only a known one: "India Patel".
const properNames = wordSet(
	`amber bill dean eden eve georgia india jordan noel norman roman summer autumn skye sky
	victoria florence chelsea liberty`
);

const givenNames = new Set([...plainNames, ...wordlikeNames, ...properNames]);

/** Common surnames, to confirm a first name that is also an ordinary word: "Grace Taylor". */
const surnames = wordSet(
	`smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson
	thompson wright walker white edwards hughes green hall lewis harris clarke clark patel jackson
	wood turner martin cooper hill ward morris moore king baker harrison morgan allen james scott
	phillips watson davis parker price bennett young griffiths mitchell kelly cook carter
	richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson simpson
	ellis adams singh begum wilkinson foster chapman powell webb rogers gray grey mason ali hunt
	hussain campbell matthews owen palmer holmes mills barnes knight lloyd butler russell barker
	fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher walsh kaur gibson
	howard andrews stewart elliott reynolds saunders payne fox ford pearce brooks west lawrence
	cole atkinson bradley spencer gill dawson ball burton o'brien watts booth perry ryan grant
	wells armstrong francis rees hayes hart hudson newman barrett webster hunter gregory carr lowe
	page marsh riley dunn woods parsons berry stone reid holland hawkins harding porter robertson
	newton oliver reed kennedy williamson bird gardner shah lane cooke bates henderson parry
	burgess bishop walton burns nicholson shepherd ross cross long freeman warren nicholls
	hamilton byrne sutton mcdonald yates hodgson robson curtis hopkins o'connor harper coleman
	watkins moss mccarthy chambers o'neill griffin sharp hardy wheeler potter osborne johnston
	gordon doyle wallace george jordan rowe burke may pritchard gilbert willis higgins miles
	stevenson stephenson hammond arnold buckley walters hewitt barber nelson slater austin
	sullivan whitehead mann frost lambert stephens blake akhtar lynch goodwin barton woodward
	thomson cunningham quinn barnett baxter bibi clayton nash greenwood jennings holt kemp poole
	gallagher bond stokes tucker davidson fowler heath lawson banks french stanley jarvis
	ferguson carroll douglas dickinson todd barlow peters lucas knowles hartley miah simmons
	morton alexander field morrison norris townsend preston hancock thornton baldwin briggs pugh
	church law day okoro mensah adeyemi okafor nowak kowalski mahmood hussein iqbal rahman islam
	uddin chowdhury black`
);

const titles = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Master']);

// Words after which a capitalised word is probably a family member's or a child's name.
const cueWords = wordSet(
	`called named child baby son daughter sibling siblings brother sister stepbrother stepsister
	mother father mum mom dad stepmother stepfather stepmum stepdad grandmother grandfather
	grandma grandad granddad grandson granddaughter gran nan nana aunt auntie aunty uncle cousin
	niece nephew carer partner boyfriend girlfriend husband wife pupil`
);

// Words that are never a name after a title: "Mr and Mrs Patel", "Dr Who".
const functionWords = wordSet(
	`the a an and or but nor so yet if when while where whether which who whom whose what why how
	that this these those there here then than thus also too very just only even still again
	already always never often sometimes usually perhaps maybe however therefore although though
	because since unless until after before during within without into onto upon about above
	below between among across through throughout towards toward over under around near from
	with for to of in on at by as is was were are be been being am has had have having do does
	did done not no yes all some any each every both either neither few many much more most less
	least other others another such own same it its i me my mine we us our ours you your yours he
	him his she her hers they them their theirs`
);

// Capitalised words that are ordinary words or the vocabulary of the work, so not a name after a
// cue ("Child Protection", "Mother Said"), nor a surname after a given name.
const stopWords = new Set([
	...functionWords,
	...wordSet(
		// sentence starters and common words
		`one two three four five six seven eight nine ten first second third last next new old good
		best better great little long high low early late said says told asked felt feel feels
		thought think thinks knew know knows saw see seen met meet visited visit visits went go goes
		came come comes made make makes took take takes gave give gives got get gets wanted want
		wants needed need needs used use uses agreed agree discussed explained noticed reflected
		learnt learned found find looking looked working worked attended attend reviewed completed
		started began ended continued planned plan plans spoke speak talked talk listened listen
		showed show shared share helped help supported support let lets please thank thanks overall
		finally initially later afterwards today yesterday tomorrow tonight now dear hi hello kind
		regards`,
		// the vocabulary of social work and learning
		`social work worker workers england signs safety family families group conference
		conferences children childrens young person people protection team manager managers local
		authority authorities care order orders services service council school schools health
		visitor visitors police hospital assessment assessments review reviews panel meeting
		meetings strategy section standards standard practice practitioner practitioners
		supervision supervisor supervisors reflection reflective reflections learning development
		framework frameworks model models cycle theory theories approach approaches unit babies
		relationship relationships parent parents parenting mums dads nanny foster fostering
		kinship special guardianship guardian adoption adopted looked leaving virtual head
		independent reviewing officer officers designated lead safeguarding partnership
		partnerships board multi agency agencies domestic abuse violence mental substance misuse
		neglect tool toolkit graded profile life story direct houses wizard genogram ecomap
		chronology case cases record records recording note notes visits home homes contact centre
		hub front door duty referral referrals initial single continuous personal education
		educational needs pathway youth justice offending exploitation criminal sexual county lines
		missing return interview interviews achieving evidence public law outline pre proceedings
		letter legal planning together act knowledge skills statement statements professional
		professionals capabilities domain values ethics diversity equality inclusion rights
		economic wellbeing critical intervention analysis research evaluation organisational
		context leadership arrangements death benefit maintenance allowance organisation
		organisations trust fund figure figures nature threshold level universal targeted
		specialist information sharing educator consultant principal director assistant deputy
		senior advanced newly qualified assessed employment programme course training module
		workshop session seminar webinar diploma degree account description relevance impact title
		summary feelings action concrete abstract observation conceptualisation experimentation
		evaluation conclusion`,
		// words in file names: "Jane_Smith_Final_Report.pdf"
		`report reports final draft version copy scan photo photos image images picture document
		documents doc docs file files form forms minutes transcript template attachment
		certificate feedback log diary`,
		// services that people phone or are "called": "I called Housing"
		`housing reception triage admissions switchboard ambulance emergency dentist pharmacy
		midwife midwifery paediatrics paediatrician helpline advice citizens credit benefits
		finance interpreter interpreting transport teams premium tongue`,
		// roles used as names ("Mother said"), which are what the checker asks people to write
		`mother father mum dad nan gran grandma grandad grandmother grandfather aunt auntie uncle
		sister brother son daughter sibling cousin carer child baby`,
		// organisations and models often named in reflections
		`childline barnardo barnardos cafcass ofsted samaritans shelter refuge mind kooth women
		action gibbs kolb driscoll schön schon munro bowlby maslow bronfenbrenner ainsworth piaget
		vygotsky erikson winnicott freire turnell rolfe`,
		// faiths, nationalities, languages and ethnicities
		`english british welsh scottish irish polish romanian lithuanian latvian bulgarian
		portuguese spanish italian french german turkish kurdish arabic urdu punjabi bengali
		bangladeshi pakistani indian somali nigerian ghanaian eritrean sudanese afghan syrian
		iranian iraqi albanian vietnamese chinese jamaican caribbean african asian european black
		white mixed muslim christian hindu sikh jewish catholic buddhist gypsy roma traveller
		travellers`,
		// festivals, days, months and times
		`christmas easter eid diwali ramadan hanukkah vaisakhi god lord allah day days week weeks
		month months year years term terms morning afternoon evening night monday tuesday
		wednesday thursday friday saturday sunday january february march april may june july
		august september october november december mon tue tues wed thu thur thurs fri sat sun
		jan feb mar apr jun jul aug sep sept oct nov dec`
	)
]);

// A given name after these is part of a place, a faith or royalty: "St Mary's", "Queen Elizabeth".
const notAPersonBefore = wordSet(`st saint king queen prince princess lord lady sir dame prophet`);

// A given name before these names a place or an institution: "Victoria Road", "Sarah's Law".
const placeWords = wordSet(
	`road rd street st avenue ave lane close drive way court crescent place grove gardens terrace
	hill row walk mews square parade view rise park hospital school academy college university
	centre center station house hall trust ward surgery practice primary infant infants junior
	nursery church chapel mosque temple gurdwara synagogue cathedral estate palace line law rule
	act farm foundation fund unit clinic library campus building tower bridge institute society
	club stadium theatre theater museum gallery prize award appeal day`
);

const determiners = wordSet(
	`the a an this that these those his her their my our your its some any no every each`
);

// Words before a proper-noun name that make it a person: "I spoke with India".
const personBefore = wordSet(
	`with told asked met saw visited supported helped reassured thanked praised encouraged phoned
	called named`
);

// Public figures whom reflections cite: theorists, authors and children whose deaths led to
// reviews. A maintainer can add to this list.
const wellKnownPeople = [
	'Graham Gibbs',
	'David Kolb',
	'John Driscoll',
	'Donald Schön',
	'Donald Schon',
	'Eileen Munro',
	'Harry Ferguson',
	'John Bowlby',
	'Mary Ainsworth',
	'Carl Rogers',
	'Abraham Maslow',
	'Urie Bronfenbrenner',
	'Dan Hughes',
	'Brené Brown',
	'Brene Brown',
	'Andrew Turnell',
	'Steve Edwards',
	'Gillian Ruch',
	'Donald Winnicott',
	'Jean Piaget',
	'Lev Vygotsky',
	'Erik Erikson',
	'Paulo Freire',
	'Neil Thompson',
	'Gary Rolfe',
	'Christopher Johns',
	'Isabelle Trowler',
	'Josh MacAlister',
	'Victoria Climbié',
	'Victoria Climbie',
	'Peter Connelly',
	'Arthur Labinjo-Hughes',
	'Star Hobson',
	'Daniel Pelka',
	'Khyra Ishaq',
	'Stephen Lawrence',
	'Florence Nightingale',
	'Marie Curie',
	'Mary Seacole',
	'Martin Luther King'
];
const wellKnown = new RegExp(
	`(?<!\\p{L})(?:${wellKnownPeople
		.map((name) =>
			name
				.split(/[\s-]+/)
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join(String.raw`[\s_.\-]+`)
		)
		.join('|')})(?!\\p{L})`,
	'giu'
);

interface Word {
	/** Without a possessive "'s". */
	text: string;
	lower: string;
	start: number;
	end: number;
	possessive: boolean;
	sentenceStart: boolean;
}

// A capital then a small letter: "Jane", "McDonald", "O'Brien", "Schön"; not "ASYE" or "A".
const capitalised = (w: Word) => /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(w.text);
const nameLike = (w: Word) => capitalised(w) && !stopWords.has(w.lower);
// "Smith" but not "House" in "Ronald McDonald House", unless it is a surname too: "Jane Hall".
const surnameLike = (w: Word) => nameLike(w) && (!placeWords.has(w.lower) || surnames.has(w.lower));
const firstPart = (w: Word) => w.lower.split('-')[0];
const isInitial = (w: Word) => /^\p{Lu}$/u.test(w.text);

function tokenise(text: string, file: boolean): Word[] {
	// File names run words together ("JaneSmith", "Jane_Smith"), so capitals split them too.
	const pattern = file
		? /\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+(?!\p{Ll})/gu
		: /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
	const words: Word[] = [];
	for (const m of text.matchAll(pattern)) {
		let value = m[0];
		const possessive = !file && /.['’]s$/u.test(value);
		if (possessive) value = value.slice(0, -2);
		const start = m.index;
		const previous = words.at(-1);
		// "Lily-Mae", "Smith-Jones": one name, unless it is a file name, where hyphens separate.
		if (
			!file &&
			previous &&
			!previous.possessive &&
			previous.end + 1 === start &&
			text[previous.end] === '-' &&
			/^\p{Lu}/u.test(previous.text) &&
			/^\p{Lu}/u.test(value)
		) {
			previous.text += '-' + value;
			previous.lower = fold(previous.text);
			previous.end = start + value.length;
			previous.possessive = possessive;
			continue;
		}
		words.push({
			text: value,
			lower: fold(value),
			start,
			end: start + value.length,
			possessive,
			sentenceStart: file ? /^[\s_.-]*$/.test(text.slice(0, start)) : startsSentence(text, start)
		});
	}
	return words;
}

function startsSentence(text: string, index: number): boolean {
	let i = index - 1;
	while (i >= 0 && /[ \t\u00a0"'“‘([]/.test(text[i])) i--;
	if (i < 0) return true;
	if (/[\r\n.!?:;•*]/.test(text[i])) return true;
	// A dash at the start of a line is a bullet.
	return /[-–—]/.test(text[i]) && /(?:^|\n)[ \t]*$/.test(text.slice(0, i));
}

function names(text: string, file: boolean, allowed: string[][]): Candidate[] {
	const words = tokenise(text, file);
	const gap = (a: Word, b: Word) => text.slice(a.possessive ? a.end + 2 : a.end, b.start);
	// Between two words of one name: spaces, or in a file name any separators or none at all.
	const spaces = /^[ \t\u00a0]+$/;
	const separators = /^[ \t_.-]*$/;
	const joined = (a: Word, b: Word | undefined): b is Word =>
		!!b && !a.possessive && (file ? separators : spaces).test(gap(a, b));
	const found: Candidate[] = [];
	const add = (from: Word, to: Word) =>
		found.push({ kind: 'name', start: from.start, end: to.end });
	/** The last of up to `max` name-like words joined on from `words[i]`. */
	const surnameRun = (i: number, max: number) => {
		let last = i;
		while (last - i < max && joined(words[last], words[last + 1]) && surnameLike(words[last + 1]))
			last++;
		return last;
	};

	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		const next = words[i + 1];

		// 1. Titles. Dots are allowed after the title and after initials: "Dr. Khan", "Mr J. Smith".
		if (titles.has(word.text) && !word.possessive) {
			let last = -1;
			let j = i + 1;
			while (j < words.length && j - i <= 4) {
				const previous = words[j - 1];
				const dotted = previous === word || isInitial(previous);
				const ok = dotted
					? (file ? separators : /^\.?[ \t\u00a0]+$/).test(gap(previous, words[j]))
					: joined(previous, words[j]);
				if (!ok) break;
				const w = words[j];
				// The first word may be an ordinary word that is also a surname: "Mrs White".
				const first = last < 0 && (!stopWords.has(w.lower) || surnames.has(w.lower));
				if (capitalised(w) && (first || nameLike(w))) last = j;
				else if (!isInitial(w)) break;
				if (w.possessive) break;
				j++;
			}
			if (last > i) add(word, words[last]);
		}

		// 2. Cues: "her son Kai", "Mother Jane", "a child called Ruby Smith".
		if (
			cueWords.has(word.lower) &&
			!word.possessive &&
			next &&
			(file ? separators : /^[ \t\u00a0]*[,:]?[ \t\u00a0]+$/).test(gap(word, next)) &&
			nameLike(next)
		) {
			const last = surnameRun(i + 1, 2);
			const after = words[last + 1];
			// "Child Arrangements Order": a capitalised term running on is a title, not a name.
			const term = joined(words[last], after) && capitalised(after) && stopWords.has(after.lower);
			if (!term) add(next, words[last]);
		}

		// 3. Given names.
		if (!capitalised(word) || !givenNames.has(firstPart(word))) continue;
		const previous = i > 0 && joined(words[i - 1], word) ? words[i - 1] : undefined;
		if (previous && notAPersonBefore.has(previous.lower)) continue;
		// Capitalised, so "Sarah's Law" and "Victoria Road" are skipped but "Zainab's school" is not.
		const place = !!next && capitalised(next) && placeWords.has(next.lower);
		if (word.possessive && place && spaces.test(gap(word, next))) continue;
		if (joined(word, next) && place && !surnames.has(next.lower)) continue;
		const afterDeterminer = !!previous && determiners.has(previous.lower);
		const proper = properNames.has(firstPart(word));
		const wordlike = wordlikeNames.has(firstPart(word));

		let last = surnameRun(i, 2);
		if (last > i && (proper || wordlike)) {
			const needsSurname = proper || word.sentenceStart;
			if (afterDeterminer || (needsSurname && !surnames.has(words[i + 1].lower))) last = i;
		}
		if (last > i) {
			const after = words[last + 1];
			// "John Radcliffe Hospital", "Ronald McDonald House": a place named after someone.
			if (!(joined(words[last], after) && capitalised(after) && placeWords.has(after.lower)))
				add(word, words[last]);
			i = last; // the surname is not a given name in its own right
			continue;
		}
		if (proper) {
			if (previous && personBefore.has(previous.lower)) add(word, word);
		} else if (wordlike) {
			if (!word.sentenceStart && !afterDeterminer) add(word, word);
		} else add(word, word);
	}

	const famous = [...text.matchAll(wellKnown)].map((m) => [m.index, m.index + m[0].length]);
	return found.filter((c) => {
		if (famous.some(([s, e]) => c.start < e && s < c.end)) return false;
		return !isAllowed(text.slice(c.start, c.end), allowed);
	});
}

/** Lower-case words of a name, without titles or initials. */
function wordsOf(name: string): string[] {
	return name
		.split(/[^\p{L}\p{M}'’]+/u)
		.filter((w) => w.length > 1 && !titles.has(w))
		.map(fold);
}

// A name is allowed when each of its words is a word of one allowed name, so with "Sam Okoro"
// allowed, "Sam", "Okoro", "Mr Okoro" and "Sam Okoro" pass but "Sam Smith" does not.
function isAllowed(match: string, allowed: string[][]): boolean {
	const words = wordsOf(match);
	return words.length > 0 && allowed.some((name) => words.every((w) => name.includes(w)));
}
