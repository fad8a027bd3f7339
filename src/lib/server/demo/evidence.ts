import type {
	CpdType,
	EvidenceStatus,
	EvidenceType,
	ReflectiveModel
} from '$lib/portfolio/vocabulary';

// Fictional, anonymised portfolio records for the demo authority. No child or family member is
// named or otherwise identifiable: children are described by age, adults by their role.

export interface DemoEvidence {
	owner: string;
	title: string;
	/** The activity date is this many days before the seed date. */
	daysAgo: number;
	type: EvidenceType;
	account: string;
	model: ReflectiveModel;
	/** Keyed by the model's prompt keys. */
	reflection: Record<string, string>;
	cpd: {
		type: CpdType;
		relevance: string;
		learning: string;
		impact: string;
		peerReflected: boolean;
		peerReflection: string;
		hours: number;
	};
	outcomes: string[];
	statements: string[];
	/** Items of the practice-standards sets, e.g. `gloucestershire-3`, in their current edition. */
	standards?: string[];
	status: EvidenceStatus;
	/** For accepted and returned records: the owner's supervisor, how many days after submission (the seed submits three days after the activity), and feedback when returned. */
	review?: { by: string; daysAfter: number; feedback?: string };
}

export const demoEvidence: DemoEvidence[] = [
	// practitioner@demo.test: ASYE month 5, North Assessment Team, supervised by supervisor@demo.test
	{
		owner: 'practitioner@demo.test',
		title: 'Three houses with a 7-year-old, observed by my practice supervisor',
		daysAgo: 112,
		type: 'observation',
		account:
			"As part of a child and family assessment, I visited a 7-year-old boy (A) at home after school to understand his day-to-day experience. My practice supervisor came with me to observe. I explained who I was and why I visit, using a simple drawing of the people who help children. We then used the three houses tool: the house of good things, the house of worries and the house of dreams. A drew his dog and his bedroom in the good house. In the worries house he drew the kitchen and said it was 'loud at night'. He wanted to leave the dreams house empty at first, then added a football pitch. I did not press him about the kitchen, but wrote down his words and planned to come back to it. Afterwards my supervisor and I talked through the visit.",
		model: 'gibbs',
		reflection: {
			description:
				'I used the three houses tool with A during a home visit while my practice supervisor observed. A shared clear good things and one worry about the kitchen being loud at night. I chose not to ask more about this on the day and recorded his words exactly.',
			feelings:
				'I was nervous about being observed and worried that A would not want to join in. When he drew the kitchen I felt an urge to ask lots of questions straight away, and I had to hold that back. Afterwards I felt relieved and quietly proud of the visit.',
			evaluation:
				'What went well: A seemed relaxed, he led the drawing, and he could say why I was there. What went less well: I talked too much at the start, and we did the activity at the kitchen table, which may have been the wrong room given what he later drew.',
			analysis:
				"Research on how children tell adults about harm suggests it is a process that needs trust and repeated contact, and that pressing can do harm. A's comment was a first signal rather than a full account. Checking it against what the school and both parents said was the right next step, rather than treating it as a finding.",
			conclusion:
				'I could have asked A where he would like to do the activity, and given him more choice about whether Mother stayed nearby. I could also have told him at the start that I would come back, so he knew the conversation was not a one-off.',
			actionPlan:
				'I will let children choose the space for direct work where it is safe, and keep my introduction shorter. I went back two weeks later and used a worry monster with A, and I asked the school what they notice at the start of each week.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				"Direct work with children is central to my assessments. Being observed using the three houses tool let me test how I build rapport, gather a child's views, and hold back when a child first hints at a worry.",
			learning:
				"A child's first hint is a beginning, not an answer. The setting matters, and the child needs to know I will return. Writing down the child's own words keeps the record honest and useful.",
			impact:
				"I now plan direct work with the room and the child's choices in mind, and I record children's words as they say them. The assessment included A's own drawings and a plan to revisit his worry safely.",
			peerReflected: true,
			peerReflection:
				'Talking it through with my practice supervisor helped me see that my pause was a skill rather than a missed chance, and she suggested gentle ways to come back to the worry.',
			hours: 2
		},
		outcomes: ['2.3', '3.1'],
		standards: ['gloucestershire-1', 'gloucestershire-2'],
		statements: ['2.3 D2', '2.3 D3', '2.3 D4', '3.1 K4', '3.1 D2'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 10 }
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Bringing in a father who had been left out of the assessment',
		daysAgo: 95,
		type: 'case-work',
		account:
			"I was allocated an assessment for two children aged 4 and 9 after the health visitor raised concerns about home conditions. Earlier records talked only about Mother. Father lives separately and has the children most weekends, but nobody had ever contacted him. I asked Mother for his details, explaining why it mattered, and she agreed. I met Father at a family centre. He was guarded at first and said he had 'always been treated like a visitor'. We talked about what he notices when the children stay with him and what he hopes for them. He spoke warmly about the older child's love of drawing and was worried about the younger child's speech. He agreed to take part in the assessment and came to the next meeting.",
		model: 'driscoll',
		reflection: {
			what: "I noticed the file described Father only as 'not living at home' and that no agency held his details. I raised this with Mother, arranged to meet him, and included his views and strengths in the assessment. He is now invited to every meeting about the children.",
			soWhat:
				'It showed me how easily a whole parent can disappear from the record, and how that shapes the picture of both risk and support. I had assumed he would be hard to engage; in fact nobody had asked. His knowledge of the children added to my understanding of their lives, and he is a real protective resource.',
			nowWhat:
				'I now ask about fathers and the paternal family at the first visit in every assessment, and I record why if contact is not made. I will use a genogram early to see the whole family, and I will say so in meetings when a father is talked about but not talked to.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Fathers are often overlooked by services, which weakens assessments and can leave children without a safe parent in the plan. This case showed me that gap in my own early practice.',
			learning:
				'Asking early, and explaining why, usually works. Fathers who live elsewhere may know a great deal about their children, and may bring both strengths and risks that need to be assessed.',
			impact:
				"Father is now part of the plan and has the children more often. I include fathers from the start, and my assessments now record both parents' views.",
			peerReflected: false,
			peerReflection: '',
			hours: 1.5
		},
		outcomes: ['2.4', '3.1'],
		standards: ['gloucestershire-3'],
		statements: ['2.4 K7', '2.4 D3', '3.1 D2'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 8 }
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Presenting my first report to an initial child protection conference',
		daysAgo: 78,
		type: 'case-work',
		account:
			"I wrote my first report for an initial child protection conference about a 3-year-old girl, where the concerns were neglect and Mother's alcohol use. I went through the report with Mother at home two days before. At the conference the IRO asked me to summarise my analysis. I described what had happened in detail, but found it harder to say clearly what it meant for the child and how likely further harm was. The health visitor and the nursery gave helpful information about the child's development. The conference agreed a child protection plan under the category of neglect. Mother was upset but said she understood the reasons because she had read the report beforehand.",
		model: 'kolb',
		reflection: {
			experience:
				'I wrote and presented a report to an initial child protection conference, shared it with Mother in advance, and answered questions from the IRO and the other professionals.',
			observation:
				"Looking back, my report was long on description and short on analysis. When asked what worried me most, I listed events rather than explaining their impact on a 3-year-old's day. Sharing the report early went well: nothing on the day came as a surprise to Mother.",
			conceptualisation:
				'Good assessment is more than description. I need to separate fact from opinion and then say what the pattern means for this child, drawing on what I know about neglect and about the effect of parental alcohol use on young children.',
			experimentation:
				'For my next report I will use a simple structure for each concern: what we know, what it means for the child, and how likely it is to continue. I will ask my supervisor to read a draft of the analysis before it is shared.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Writing analytical reports for child protection conferences is a core part of my role and an ASYE expectation. This was my first, so it was a real test of my writing and presenting.',
			learning:
				'Sharing the report early helps parents take part. My writing needs to move from describing events to analysing their impact on the child and the likelihood of harm.',
			impact:
				"I have started using a 'what we know, what it means, how likely' structure in my assessments, and I am more confident explaining my reasoning aloud in meetings.",
			peerReflected: true,
			peerReflection:
				'A colleague who often presents at conference showed me two anonymised reports, which helped me see what a clear analysis section looks like in practice.',
			hours: 3
		},
		outcomes: ['2.2', '3.2'],
		statements: ['2.2 D2', '2.2 D5', '3.2 K5', '3.2 D5', '3.2 D7'],
		status: 'returned',
		review: {
			by: 'supervisor@demo.test',
			daysAfter: 9,
			feedback:
				'Thank you, this is an honest reflection, and sharing the report with Mother beforehand was good practice. Before I accept it, please strengthen the link to 3.2: say more about how you weighed the likelihood of significant harm for a 3-year-old, and what research on neglect and parental alcohol use told you. Your action plan is sound; add one concrete example of how a later report used the new structure to describe the child’s day.'
		}
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Supervision on a neglect case that felt stuck',
		daysAgo: 64,
		type: 'supervision',
		account:
			"I brought a case to supervision that had felt stuck for months. A family of four children had been on a child in need plan for neglect. Each review recorded small improvements that did not last, and I felt I was doing the same visits and getting the same answers. My supervisor asked me to map what had changed for the children rather than which tasks had been done. We saw that the youngest child's nursery attendance and weight had not improved at all. We talked about safe uncertainty, about my hope that Mother would manage, and whether I was avoiding a harder conversation. We agreed I would set out clearly to Mother what needed to change and by when, and talk to the team manager about whether a child protection conference was needed.",
		model: 'schon',
		reflection: {
			inAction:
				"During the discussion I noticed I was defending the plan and listing everything I had done. When my supervisor asked 'what is different for the youngest?', I stopped and realised I could not answer. I moved from reporting tasks to looking at the children's actual experience, which changed the whole conversation.",
			onAction:
				'Looking back, my warmth towards Mother had turned into an optimism that blurred what the children were living with. I would keep the good relationship, but use it to be clearer about the concerns. I would also bring a case to supervision as soon as I notice I feel stuck, rather than waiting for a review.'
		},
		cpd: {
			type: 'supervision-peer',
			relevance:
				'Supervision is where I test my thinking on complex cases. This discussion was about drift in a neglect case, a known risk where harm builds up slowly over time.',
			learning:
				"Measure progress by the child's experience, not by tasks completed. Feeling stuck is information worth bringing to supervision. Optimism about parents has to be balanced with evidence of lasting change.",
			impact:
				'I wrote to Mother with clear expectations and timescales, and the case went to a child protection conference. I now start every review by asking what is different for each child.',
			peerReflected: false,
			peerReflection: '',
			hours: 1.5
		},
		outcomes: ['5.1', '4.5'],
		standards: ['gloucestershire-6'],
		statements: ['5.1 K3', '5.1 D3', '4.5 K1', '4.5 D2', '4.5 D5'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 6 }
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Reading research on the impact of neglect on young children',
		daysAgo: 50,
		type: 'reading',
		account:
			'After the stuck case and my conference report, I wanted to understand neglect better. I read a research review on the effects of neglect on early brain development and attachment, a practice briefing on recognising neglect, and a national summary of serious case reviews where neglect featured. I made notes on how neglect is usually cumulative and can be missed when professionals focus on single incidents, and on how poverty and neglect are connected but not the same thing. I discussed what I had read with the team at our weekly practice session and shared a one-page summary.',
		model: 'free',
		reflection: {
			text: 'Reading helped me see how harm from neglect builds up quietly through many small missed moments: meals, bedtimes, health appointments, play. It gave me words to explain in reports why a pattern matters more than any single visit. I also noticed the limits of the research, as some studies are small or do not separate neglect from poverty. I want to use research as one part of my judgement, not a rule, and never to mistake a family without money for a family who cannot meet a child’s needs.'
		},
		cpd: {
			type: 'reading-research',
			relevance:
				'Neglect is the most common concern in my caseload. I needed a stronger grasp of its impact on young children to write better analysis and to avoid drift.',
			learning:
				'Neglect is usually cumulative and is easy to miss when we look at incidents one by one. Research has limits, and poverty and neglect must be told apart carefully.',
			impact:
				'My assessments now describe patterns over time and what they mean for the child. I use a chronology on every neglect case and refer to research when I explain my reasoning.',
			peerReflected: true,
			peerReflection:
				'Discussing the summary with the team showed how differently colleagues understand the line between poverty and neglect, which pushed me to use clearer language.',
			hours: 4
		},
		outcomes: ['3.2', '5.4'],
		statements: ['3.2 K3', '3.2 D4', '5.4 K2', '5.4 D1'],
		status: 'submitted'
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Feedback from a mother at the end of an assessment',
		daysAgo: 36,
		type: 'feedback-child-family',
		account:
			"At the end of a child and family assessment I asked Mother for feedback, using the team's short feedback form and also asking her in person what had helped and what had not. She said she had felt listened to and liked that I explained things 'without the jargon'. She also said the first visit felt like an inspection, because I looked in the kitchen cupboards before we had really talked, and that she cried after I left. She said it got better once she understood why I was asking. I thanked her and told her I would think about what she had said.",
		model: 'driscoll',
		reflection: {
			what: 'I asked Mother for feedback in writing and in person. She valued plain language and feeling heard, but told me the first visit felt like an inspection because I checked the cupboards before building any connection with her.',
			soWhat:
				'I had been so focused on gathering evidence that I forgot how frightening a first visit can be. Connecting and listening first would have helped her take in why I was there. Her honesty showed trust, and it was a gift to my practice.',
			nowWhat:
				'At first visits I now explain what I will need to see and why, ask permission, and leave checks on the home until later in the visit. I will keep asking families for feedback at the end of every assessment, not only when things go well.'
		},
		cpd: {
			type: 'feedback',
			relevance:
				'Feedback from parents tells me how my practice feels from the other side. This was about the way I open a first visit, which shapes the whole relationship.',
			learning:
				'Even a necessary check can feel shaming if it comes before a connection. Explaining the purpose and asking permission changes how the same task is experienced.',
			impact:
				'I have changed the order of my first visits and now explain each part. Two parents since have said they knew what to expect, and one thanked me for asking first.',
			peerReflected: false,
			peerReflection: '',
			hours: 1
		},
		outcomes: ['5.1', '2.4'],
		statements: ['5.1 K6', '5.1 D4', '2.4 D1'],
		status: 'submitted'
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Building a genogram with a family to find support',
		daysAgo: 22,
		type: 'case-work',
		account:
			'For an assessment of a 6-year-old girl and her baby brother, I built a genogram with Mother and the maternal grandmother over two visits. We used a large sheet of paper on the floor, and the grandmother added people I had not heard about, including an aunt who lives nearby and a family friend the 6-year-old treats as a second grandmother. Mother went quiet when we reached her own childhood and said her father had been violent. I paused and checked she was all right to carry on. The genogram showed a pattern of domestic abuse over generations, and also a wider network of people who could help. The family asked to keep a copy.',
		model: 'kolb',
		reflection: {
			experience:
				"I built a genogram with Mother and the grandmother over two visits, using it both to gather the family's history and to find people who could support the children.",
			observation:
				'The grandmother knew far more about the wider family than the records did. Mother found part of it painful, and pausing mattered. Drawing it together on the floor felt more equal than me asking questions and writing notes.',
			conceptualisation:
				'Genograms help to show patterns across generations, such as domestic abuse, and strengths that are easy to miss. Families are experts in their own networks, and building the picture with them makes any later plan more likely to last.',
			experimentation:
				'I will offer a genogram early in assessments and let the family hold the pen. I will plan for painful history coming up, and check beforehand who should be in the room so that people feel able to speak.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				"Understanding a child's family network is essential for both assessing risk and finding safety. This was the first time I used a genogram as a shared activity with a family.",
			learning:
				'A genogram made with the family, not about them, brings out hidden strengths and patterns. It also needs care, because it can touch on trauma.',
			impact:
				'The aunt and the family friend are now part of the support plan. My analysis of the children’s risk includes the pattern over generations and what has helped break it.',
			peerReflected: false,
			peerReflection: '',
			hours: 2.5
		},
		outcomes: ['2.5', '3.2'],
		standards: ['gloucestershire-2', 'gloucestershire-3'],
		statements: ['2.5 K2', '2.5 D1', '3.2 K9', '3.2 D6'],
		status: 'submitted'
	},
	{
		owner: 'practitioner@demo.test',
		title: 'Poverty or neglect? Thinking again after a home visit',
		daysAgo: 9,
		type: 'reflective-account',
		account:
			'I visited a family of five living in a two-bedroom flat with damp walls. The referral said the children were arriving at school hungry and in unwashed clothes. On the visit there was little food in the cupboards and the washing machine had broken. Father works nights on a zero-hours contract and Mother cares for the youngest child, who has complex health needs. The children were warm and relaxed with their parents, and the home was organised despite the damp. I helped the family apply for an emergency grant, referred them to a food bank and a welfare rights service, and asked the housing officer about the damp. I am still thinking about how to describe this in the assessment.',
		model: 'schon',
		reflection: {
			inAction:
				'When I opened the cupboards I felt my thinking jump towards neglect. Then I noticed how the children went to their parents for comfort, and how carefully the medicines were organised. I slowed down and asked about money, work and the washing machine before anything else.',
			onAction:
				'Looking back, I want my assessment to show clearly the difference between parents who cannot meet needs and parents who cannot afford to. I would keep the practical help, and I would also ask the family earlier how they would like their situation described in writing.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Many families I assess are living in poverty. Getting the difference between poverty and neglect right matters for fairness and for the plan the children need.',
			learning:
				'First impressions of a home can mislead. Practical help is part of assessment, not separate from it, and a poverty-aware lens needs to be written down as well as held in mind.',
			impact:
				'The family now has a grant and food support, and the damp has been reported. I am drafting the assessment to describe the impact of poverty on the children honestly, without blaming the parents.',
			peerReflected: false,
			peerReflection: '',
			hours: 1
		},
		outcomes: ['1.3', '3.1'],
		statements: ['1.3 K3', '1.3 D5', '1.3 D6', '3.1 D1'],
		status: 'draft'
	},
	{
		owner: 'practitioner@demo.test',
		title: "Feedback from a school's safeguarding lead after a strategy discussion",
		daysAgo: 3,
		type: 'feedback-colleague',
		account:
			"After a strategy discussion about a 10-year-old boy, the designated safeguarding lead at his school phoned me with feedback. She said she valued that I had asked the school what they see day to day, not only what had happened that morning, and that my summary of actions was clear. She also said she felt the school's worry about his weight loss over the last term had been talked over by the police and health colleagues, and that she had not felt able to say so in the meeting. I thanked her, agreed the concern was important, and added it to the record of the discussion. I have asked her to send the school's information in writing before the next meeting.",
		model: 'free',
		reflection: {
			text: 'I was pleased that asking about day-to-day life was noticed, but it was uncomfortable to hear that a key worry was lost in a meeting I was part of. Some voices carry more weight than others, and I did not notice the school being overruled. Next time I will ask each agency in turn for its view before agreeing actions, and check whether anyone has something they have not yet said.'
		},
		cpd: {
			type: 'feedback',
			relevance:
				"Schools often see children more than any other agency. This feedback was about whether the school's knowledge was properly heard in a strategy discussion.",
			learning:
				'Agencies seen as having more authority can drown out others, and that can increase risk to the child. I have a part to play in making space for every view.',
			impact:
				"The boy's weight loss is now part of the assessment and a health check has been arranged. I am changing how I summarise meetings so that each agency's view is checked.",
			peerReflected: false,
			peerReflection: '',
			hours: 0.5
		},
		outcomes: ['2.6', '5.1'],
		statements: ['2.6 K3', '2.6 D1', '5.1 D4'],
		status: 'draft'
	},

	// colleague@demo.test: social worker, North Assessment Team, supervised by grace.mensah@demo.test
	{
		owner: 'colleague@demo.test',
		title: 'Preparing for and attending a family group conference',
		daysAgo: 88,
		type: 'case-work',
		account:
			"I worked with a family where two children, aged 2 and 5, were at risk of coming into care because of Mother's mental ill-health. I referred the family for a family group conference and met the coordinator to agree the bottom lines: the children needed a safe adult in the home overnight during a crisis, and they needed to get to nursery and school every day. At the conference I explained the concerns in plain language and then left the family for their private time. They came back with a plan: the maternal aunt and the paternal grandmother would share overnight care during crises, and a family friend would do the morning run. I agreed the plan, with a review in six weeks, and the children stayed at home.",
		model: 'kolb',
		reflection: {
			experience:
				'I prepared a family for a family group conference, set out what the plan needed to achieve, presented the concerns, and then stepped back while the family made their own plan.',
			observation:
				'Stepping out of the room was harder than I expected, because I wanted to shape the plan. The family came back with ideas I would not have thought of, including people the professionals had never met.',
			conceptualisation:
				'Families are experts in their own situation, and plans they make themselves are more likely to last. Clear bottom lines let me hold my safeguarding role while giving the family real control over how to meet them.',
			experimentation:
				'I will consider a family group conference earlier, before a crisis rather than during one. I will also spend more time helping the family understand the concerns beforehand, so the private time is used well.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Family group decision-making is central to keeping children safely within their family. This was a case where care proceedings were a real possibility.',
			learning:
				'Clear bottom lines and genuine trust in the family can sit together. The wider family often holds solutions and people who are invisible to professionals.',
			impact:
				'The children remained at home with a family safety plan that has held through one crisis already. I now raise a family group conference at the start of my work with a family.',
			peerReflected: true,
			peerReflection:
				'The conference coordinator helped me think about how my presence shapes what families feel able to say, and how to present concerns without overwhelming them.',
			hours: 4
		},
		outcomes: ['2.5', '3.3'],
		statements: ['2.5 K3', '2.5 D3', '3.3 D4', '3.3 D6'],
		status: 'accepted',
		review: { by: 'grace.mensah@demo.test', daysAfter: 9 }
	},
	{
		owner: 'colleague@demo.test',
		title: 'Training on child criminal exploitation and county lines',
		daysAgo: 27,
		type: 'learning-activity',
		account:
			'I attended a two-day course on child criminal exploitation run by the local safeguarding partnership, alongside police, youth justice and school staff. It covered grooming, county lines, debt bondage, the NRM (the national process for identifying victims of modern slavery) and contextual safeguarding. A youth worker spoke about how young people often do not see themselves as victims, and a parent with lived experience described feeling blamed by professionals when her son went missing. We practised mapping a peer group and the places where a young person feels unsafe. I have since used the mapping with a 15-year-old on my caseload.',
		model: 'free',
		reflection: {
			text: "The parent's account stayed with me most. I recognised the language of blame from some of my own past records, such as saying a young person was 'putting himself at risk'. I now try to describe exploitation as something done to a child. The peer and place mapping gave me a practical way to gather information I had been missing, and helped the 15-year-old talk about where he feels safe without me asking directly about what he has been made to do."
		},
		cpd: {
			type: 'formal-learning',
			relevance:
				'Exploitation is a growing part of the referrals our team assesses. I needed up-to-date knowledge and practical tools to assess harm outside the home.',
			learning:
				'Exploitation often looks like choice but is not. Language matters in records. Mapping peers and places gathers information that a home visit alone will not show.',
			impact:
				'I have made an NRM referral for one young person, changed the language in my recording, and used peer and place mapping in two assessments.',
			peerReflected: true,
			peerReflection:
				'Talking with a youth justice colleague on the course helped me understand what they can offer and how we could share information more quickly.',
			hours: 12
		},
		outcomes: ['3.1', '5.3'],
		statements: ['3.1 K7', '3.1 D8', '5.3 D1', '5.3 D2'],
		status: 'submitted'
	},
	{
		owner: 'colleague@demo.test',
		title: 'Learning from a case audit of one of my assessments',
		daysAgo: 6,
		type: 'audit-learning',
		account:
			"One of my child and family assessments was chosen for the monthly practice audit. The auditor met with me to talk it through. She said the assessment was thorough and that the child's voice came through clearly in the direct work. She found that the chronology stopped at the point of referral and did not include earlier involvement with an older sibling, and that the plan did not say who would do what by when. We agreed that the family's history would have changed my view of how long the concerns had lasted. I updated the chronology and the plan the same week.",
		model: 'driscoll',
		reflection: {
			what: "My assessment was audited. The child's voice was a strength, but the chronology missed earlier history with an older sibling and the plan was vague about actions and timescales.",
			soWhat:
				'Missing history meant I saw the concerns as newer than they were, which affects how likely change is. A vague plan makes it hard for the family to know what is expected. I had been rushing the parts I find least interesting.',
			nowWhat:
				"I will check the whole family's history, including siblings, before writing my analysis. Every plan will name who does what by when. I have offered to share the learning at the next team meeting."
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Audit gives an outside view of my written work. This audit looked at an assessment of a child at risk of neglect, where history really matters.',
			learning:
				'A full chronology changes analysis, not just the record. Plans need clear actions, owners and timescales so families and professionals understand them.',
			impact:
				'I have updated the chronology and plan for this child, and I now check sibling history at the start of each assessment.',
			peerReflected: false,
			peerReflection: '',
			hours: 1.5
		},
		outcomes: ['6.3', '5.3'],
		statements: ['6.3 K1', '6.3 D1', '5.3 D6'],
		status: 'draft'
	},

	// tom.ellis@demo.test: ASYE month 2, North Assessment Team, supervised by supervisor@demo.test
	{
		owner: 'tom.ellis@demo.test',
		title: 'My first home visit on my own',
		daysAgo: 5,
		type: 'reflective-account',
		account:
			"I made my first unaccompanied home visit, to a family referred after police were called to an argument between Mother and her partner. Two children, aged 6 and 11, live at home. I had planned what to say, but when I arrived the partner answered the door and said I was not welcome. I stayed calm, explained who I was, why I had come, and that I needed to see the children and speak with Mother. After a few minutes he let me in and left the room. Mother was tearful and said things had been 'blown out of proportion'. I saw both children and spoke to the 11-year-old briefly in her bedroom. I agreed a further visit and discussed the visit with my supervisor the same afternoon.",
		model: 'gibbs',
		reflection: {
			description:
				"I visited a family alone for the first time after a domestic incident. Mother's partner was hostile at the door. I explained my role calmly, got into the home, saw both children, and agreed to come back.",
			feelings:
				'I was anxious beforehand and my heart was racing at the door. Inside I felt more settled once I was talking with Mother. Afterwards I felt shaky and kept replaying the doorstep conversation.',
			evaluation:
				'Good: I stayed calm, was clear about my purpose, and saw both children. Not so good: I did not tell the office when I arrived, and I only had a few minutes with the 11-year-old, so I learnt little about her experience.',
			analysis:
				'Balancing authority and empathy helped. Being clear and child-focused at the door was more effective than being apologetic. Mother minimising what happened is common where there is fear or control, so her words need to be weighed against other information.',
			conclusion:
				'I could have asked to see the 11-year-old somewhere she felt more at ease, or arranged to see her at school. I should have followed the lone working procedure fully.',
			actionPlan:
				'I will always check in and out with the duty desk, plan how to see children on their own, and think in advance about who might answer the door. I will bring my feelings about visits like this to supervision rather than carrying them home.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Home visits where adults are hostile are a regular part of assessment work. This was my first on my own, and it tested my confidence and my use of authority.',
			learning:
				'Clear, calm authority works better than apologising. Safety procedures are there for a reason. Seeing a child alone needs planning, not just a quick moment.',
			impact:
				'I now check in and out with the duty desk every time, and I plan how I will see children on their own. My next visit included time alone with the 11-year-old at school.',
			peerReflected: true,
			peerReflection:
				'A more experienced colleague shared how she handles doorstep conversations and reminded me that feeling shaken afterwards is normal and worth talking about.',
			hours: 2
		},
		outcomes: ['2.4', '6.4'],
		statements: ['2.4 K1', '2.4 D1', '6.4 D3'],
		status: 'draft'
	},
	{
		owner: 'tom.ellis@demo.test',
		title: 'Using a feelings chart with a 5-year-old',
		daysAgo: 24,
		type: 'case-work',
		account:
			"I visited a 5-year-old boy at home as part of an assessment after his nursery raised concerns about his behaviour. He would not sit with me at first and ran between rooms. I sat on the floor with a feelings chart of faces and some small toy animals, and waited. After a while he came over and chose a lion for himself. I asked the lion how it felt in the morning, at nursery and at bedtime, and he pointed to the faces. He chose 'scared' for bedtime and said the lion 'hides under the covers when it's shouty'. I did not ask who shouts. I told him I would come back with the animals, and shared what I saw with Mother in a gentle way.",
		model: 'driscoll',
		reflection: {
			what: 'I used a feelings chart and toy animals to help a 5-year-old tell me about his day. By talking through the lion, he said he felt scared at bedtime when it was shouty. I stayed with his pace and did not push for more.',
			soWhat:
				'Waiting on the floor rather than chasing him gave him control, and play gave him a safe distance to talk. His behaviour at nursery may be linked to what happens at bedtime. I learnt that I can be patient even when I feel pressure to get answers quickly.',
			nowWhat:
				'I will bring the same animals next time so there is continuity. I will talk with the nursery about what they see at drop-off and explore the evenings with Mother more directly, while keeping his words central in the assessment.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Young children often cannot answer direct questions about their lives. I needed a way to understand this boy’s experience that fitted his age.',
			learning:
				'Play and a simple feelings chart can help young children share feelings safely. Following the child’s lead and reading their body language matters as much as the tool.',
			impact:
				'His own words are now in the assessment, and they shaped my questions to Mother and the nursery. I now carry a small kit for direct work on every visit.',
			peerReflected: false,
			peerReflection: '',
			hours: 1
		},
		outcomes: ['2.3'],
		statements: ['2.3 D2', '2.3 D6', '2.3 D7'],
		status: 'submitted'
	},

	// aisha.bello@demo.test: ASYE month 9, North Assessment Team, supervised by supervisor@demo.test
	{
		owner: 'aisha.bello@demo.test',
		title: 'Chairing my first core group meeting',
		daysAgo: 150,
		type: 'case-work',
		account:
			"I chaired my first core group for a 9-year-old and a 13-year-old on child protection plans for emotional harm linked to domestic abuse. Mother, Father, the school, the health visitor for a younger sibling and a domestic abuse worker attended. I had prepared a simple agenda based on the plan and asked each person what had changed for the children since the conference. The school reported the 13-year-old was calmer and attending more. Father questioned why he still had to do the perpetrator programme when 'nothing has happened for weeks'. I acknowledged his progress and explained how the plan measures lasting change. We agreed updated actions, and I read the 9-year-old's wishes from my direct work so that her voice was in the room.",
		model: 'kolb',
		reflection: {
			experience:
				"I chaired a core group meeting, gathered updates from each agency and both parents, responded to Father's challenge, and made sure the children's views were heard.",
			observation:
				"Asking what had changed for the children kept the meeting focused. I noticed that the school and the domestic abuse worker saw progress differently, and I moved on too quickly instead of exploring why. Father's challenge made me tense, but I stayed steady.",
			conceptualisation:
				'Children and parents may present differently to different agencies, so progress needs to be checked against several views. Change is not always visible and needs careful evaluation, not just counting completed tasks.',
			experimentation:
				'Next time I will name differences in views openly and explore them before agreeing actions. I will prepare parents before the meeting so challenges can be raised in a calmer way.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Leading core groups is a key part of the lead professional role. This was the first I chaired, with a complex network and parents with different views.',
			learning:
				'Keeping the child’s experience at the centre gives a meeting purpose. Differences between agencies are useful information and should be explored, not smoothed over.',
			impact:
				'The plan now includes clearer measures of change agreed with the family. I now meet parents briefly before core groups, and the next meeting was calmer and more open.',
			peerReflected: true,
			peerReflection:
				'My practice supervisor observed part of the meeting and helped me see the moment where agencies disagreed as an opportunity rather than a problem to manage.',
			hours: 2
		},
		outcomes: ['4.5', '6.2'],
		statements: ['4.5 K4', '4.5 D3', '6.2 D1'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 12 }
	},
	{
		owner: 'aisha.bello@demo.test',
		title: 'Assessing a 14-year-old boy at risk of criminal exploitation',
		daysAgo: 98,
		type: 'case-work',
		account:
			'I assessed a 14-year-old boy who had been found in another town with cash and two phones. His parents were frightened and angry with him. He would not talk to me at home, so I met him at a youth centre he chose, and over three meetings we talked about football, music and his friends before anything else. I used a map of his area to ask where he felt safe and unsafe. He marked a park and a takeaway as places he avoided. I gathered information from the school, the youth offending service and the police, and checked with a neighbouring authority. Together it showed a pattern of grooming by older young people. I recommended a multi-agency exploitation plan and a trusted youth worker for him.',
		model: 'gibbs',
		reflection: {
			description:
				'I assessed a boy at risk of criminal exploitation, meeting him where he chose, using a place map, and bringing together information from several agencies to understand the pattern of harm.',
			feelings:
				'I felt worried for him and sometimes frustrated when he cancelled. I also felt some fear about the older young people involved, which I took to supervision.',
			evaluation:
				'Good: meeting him on his terms built enough trust for him to mark places on the map. Less good: it took me too long to ask the neighbouring authority, which held key information.',
			analysis:
				'Adolescence is a time of raised risk, and exploitation is often hidden behind what looks like choice. Asking about places and peers rather than crimes felt safer for him. I had to avoid confirmation bias and keep other explanations open until the information fitted together.',
			conclusion:
				'I could have contacted the neighbouring authority and the police earlier, and involved his parents more in understanding grooming rather than seeing him as the problem.',
			actionPlan:
				'On exploitation concerns I will seek information across boundaries in the first week, use place and peer mapping early, and offer parents information about grooming so they can respond to their child with care rather than blame.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Exploitation outside the home is an increasing part of our assessments. This case stretched my skills in engaging a reluctant teenager and gathering information across agencies.',
			learning:
				'Creativity and persistence help reluctant teenagers engage. Information held across boundaries can change the picture completely. Parents need support to understand grooming.',
			impact:
				'He now has an exploitation plan and a youth worker he trusts. His parents attended a session on grooming and said they understand him better.',
			peerReflected: false,
			peerReflection: '',
			hours: 6
		},
		outcomes: ['3.1', '3.2'],
		statements: ['3.1 K5', '3.1 D8', '3.2 K1', '3.2 D4'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 10 }
	},
	{
		owner: 'aisha.bello@demo.test',
		title: 'Feedback from a primary school after a disagreement about thresholds',
		daysAgo: 18,
		type: 'feedback-colleague',
		account:
			'A primary school wanted a child protection conference for a 7-year-old girl after she came in with a bruise on her arm. My assessment, agreed with my manager, was that the concern should be managed through a child in need plan with close monitoring, because the explanation was consistent and there was no wider pattern. The deputy head was unhappy. I met her, listened, and explained my reasoning and what would change our view. A few weeks later she sent me feedback saying she still had worries but felt respected, understood the reasons, and knew exactly when to call me. She also said she wished she had been told about the decision sooner.',
		model: 'schon',
		reflection: {
			inAction:
				'In the meeting I noticed myself wanting to defend the decision quickly. I stopped, asked her to tell me everything the school had seen, and then explained my reasoning step by step. Her tone changed once she felt heard.',
			onAction:
				'Looking back, the disagreement itself was healthy, and the relationship is stronger for it. I would keep the meeting and the clear explanation. I would change the timing: the school should have heard the outcome from me the same day rather than days later.'
		},
		cpd: {
			type: 'feedback',
			relevance:
				'Disagreements about thresholds with partner agencies are common. How I handle them affects trust and information sharing, and therefore the safety of children.',
			learning:
				'Listening first and explaining reasoning openly keeps trust even when people disagree. Partners need to know decisions quickly and what would change them.',
			impact:
				'I now tell partner agencies about decisions the same day and explain what would lead us to review them. The school has since shared two concerns early with me.',
			peerReflected: false,
			peerReflection: '',
			hours: 1
		},
		outcomes: ['2.6', '5.2'],
		statements: ['2.6 K4', '2.6 D3', '5.2 D5'],
		status: 'submitted'
	},

	// lucy.chen@demo.test: ASYE month 11, North Assessment Team, supervised by supervisor@demo.test
	{
		owner: 'lucy.chen@demo.test',
		title: 'Explaining a child protection plan to a 12-year-old',
		daysAgo: 170,
		type: 'observation',
		account:
			"My ASYE assessor observed me visiting a 12-year-old girl after her initial child protection conference, which she had chosen not to attend. I brought a one-page version of the plan written in her words from our earlier sessions. I explained what a child protection plan is, who would be in her core group, and what would happen next. She asked whether her mum would 'get in trouble'. I told her honestly that the adults needed to make changes, and that the plan was there to help everyone keep her safe. She said she wanted to come to the next review for part of the time. I checked what she had understood by asking her to explain the plan back to me.",
		model: 'driscoll',
		reflection: {
			what: 'I explained a child protection plan to a 12-year-old using a one-page version in her own words, answered a difficult question honestly, and checked her understanding. My assessor observed.',
			soWhat:
				'Children need to understand decisions made about them. Her question showed she was worried about her mother, which is common where children love the adults who harm them. Honesty, gently delivered, seemed to reassure her more than vague comfort would have.',
			nowWhat:
				'I will prepare child-friendly plans for every child old enough, and repeat key messages in different ways over several visits. I will support her to attend part of the review and prepare her for who will be there.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Communicating difficult information to children about their plans is central to child protection work and was a focus of this direct observation.',
			learning:
				'A plan in the child’s own words, and asking them to explain it back, helps understanding. Difficult questions deserve honest, age-appropriate answers.',
			impact:
				'She attended part of her review and spoke about what had improved. I now write child-friendly plans routinely, and colleagues have asked to use my template.',
			peerReflected: true,
			peerReflection:
				'My assessor pointed out how I had used her own phrases, and we discussed how to keep doing this when I am under time pressure.',
			hours: 1.5
		},
		outcomes: ['2.2', '2.3'],
		statements: ['2.2 K4', '2.2 D1', '2.3 K8', '2.3 D4', '2.3 D10'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 7 }
	},
	{
		owner: 'lucy.chen@demo.test',
		title: 'Ending well: stepping a family down to early help',
		daysAgo: 60,
		type: 'case-work',
		account:
			"After eight months on a child in need plan, a family with three children had made lasting changes: regular school attendance, a tidy and safe home, and Father back in work. I discussed with my supervisor whether social care was still needed and we agreed to step down to early help. I planned the ending with the family over three visits. I introduced the early help worker at a joint visit and made sure the family did not have to repeat their story. With the children I made a 'what has changed' poster, and the 10-year-old wrote what she would do if things got hard again. Mother said she was nervous about losing support, so we agreed who she could call.",
		model: 'schon',
		reflection: {
			inAction:
				'At the joint visit I noticed Mother go quiet when I described the ending. I paused and asked what she was thinking. She said she feared things would slip once I left. We spent time naming her own strengths and the people she could call, rather than rushing through the handover.',
			onAction:
				'Looking back, I would keep the planned ending over several visits and the poster with the children. I would start talking about the ending earlier in the plan, so that it feels like an achievement rather than a loss of support.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Knowing when statutory involvement is no longer needed, and ending well, matters as much as starting well. Sudden endings can undo change.',
			learning:
				'Endings need planning and time. Introducing the next worker in person, and helping the family name who they can call, makes change more likely to last.',
			impact:
				'The family moved to early help without a gap in support and have not been re-referred. I now plan endings from the midpoint of a plan.',
			peerReflected: false,
			peerReflection: '',
			hours: 3
		},
		outcomes: ['4.5', '4.2'],
		statements: ['4.5 D6', '4.2 K14', '4.2 D4'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 9 }
	},

	// nadia.rahman@demo.test: senior social worker, North Assessment Team, supervised by supervisor@demo.test
	{
		owner: 'nadia.rahman@demo.test',
		title: 'Facilitating a group reflective case discussion for newly qualified workers',
		daysAgo: 45,
		type: 'reflective-account',
		account:
			"I facilitated a monthly group case discussion for four ASYE social workers. One presented a case where a teenager kept going missing and the plan felt stuck. I used a structured model: the presenter described the case, the group asked questions, then the presenter listened while the group shared hypotheses, and finally the presenter said what they would take away. I kept the focus on the young person's experience and made space for quieter members. The presenter said hearing different ideas without having to defend herself helped her see new options, including involving a trusted aunt. Two others said they would bring cases next time.",
		model: 'free',
		reflection: {
			text: 'My role was to hold the structure and keep the space safe, not to supply answers. That was harder than I expected, because I had views on the case. I noticed the group relaxed once I shared a time a plan of mine had gone wrong. Learning from things that did not go well only happens where people feel safe, and as a senior social worker I can help build that. I want to give ASYEs a chance to facilitate next.'
		},
		cpd: {
			type: 'supervision-peer',
			relevance:
				'Supporting the learning of newly qualified colleagues is part of my senior role and helps the whole team practise better.',
			learning:
				'A clear structure helps people think rather than defend. Sharing my own mistakes made it safer for others to be open. Holding back my own answers took discipline.',
			impact:
				'The group now meets monthly with a waiting list of cases. The presenter involved the aunt and the young person has not gone missing since.',
			peerReflected: true,
			peerReflection:
				'Debriefing with the practice supervisor helped me think about how to hand over facilitation to ASYEs while keeping the group safe.',
			hours: 2
		},
		outcomes: ['5.3'],
		statements: ['5.3 K4', '5.3 D4', '5.3 D5'],
		status: 'accepted',
		review: { by: 'supervisor@demo.test', daysAfter: 6 }
	},

	// kemi.afolabi@demo.test: ASYE month 1, Family Safeguarding Team, supervised by helen.walsh@demo.test
	{
		owner: 'kemi.afolabi@demo.test',
		title: 'Shadowing a visit to a family where there is domestic abuse',
		daysAgo: 6,
		type: 'learning-activity',
		account:
			'In my first week I shadowed an experienced colleague on a visit to a mother and her two children, aged 3 and 8, after the father left the home following domestic abuse. My colleague spoke with Mother first, and arranged to see her alone because the father still visits. She asked about safety at night, contact arrangements and who Mother could call. She then played a game with the 8-year-old while watching how the 3-year-old moved around the room and sought comfort. Afterwards in the car she explained her choices, including why she had not asked Mother directly about the abuse in front of the children.',
		model: 'gibbs',
		reflection: {
			description:
				'I shadowed a colleague visiting a family after domestic abuse. She saw Mother alone, asked about safety, observed the children, and explained her thinking afterwards.',
			feelings:
				'I felt unsure where to sit and what to say, and worried I would get in the way. I was moved by how tired Mother seemed and how much she was holding together.',
			evaluation:
				'Watching someone skilled helped me see how much planning goes into a visit that looks relaxed. I could have asked my colleague more questions before the visit rather than only after.',
			analysis:
				'Domestic abuse affects children even when they do not see it, and fear can limit what a parent can say. My colleague adapted her communication to this, which fits what I learnt on my course about flexible approaches with parents living with fear.',
			conclusion:
				'I could have prepared by reading the file more closely, and asked to take a small part, such as the game with the 8-year-old.',
			actionPlan:
				'On my next shadowing visit I will agree a small role beforehand and ask about the plan for the visit in advance. I will keep notes on techniques to try myself.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Domestic abuse is present in many families the team works with. Shadowing is part of my induction before I hold my own cases.',
			learning:
				'Visits need careful planning for safety. Seeing a parent alone and observing young children closely both matter where there is domestic abuse.',
			impact:
				'I have started a list of techniques to use on my own visits, and I will plan for seeing parents alone on every domestic abuse case.',
			peerReflected: true,
			peerReflection:
				'My colleague explained her reasons for each choice, which helped me understand how experience turns into practice decisions.',
			hours: 3
		},
		outcomes: ['2.4', '3.2'],
		statements: ['2.4 K3', '3.2 K4'],
		status: 'draft'
	},
	{
		owner: 'kemi.afolabi@demo.test',
		title: 'Reading on coercive control and its impact on children',
		daysAgo: 8,
		type: 'reading',
		account:
			'As part of my induction I read the team’s practice guidance on domestic abuse, a research briefing on coercive control and children, and a summary of local learning reviews where domestic abuse was a factor. The briefing described how children living with coercive control can have their routines, friendships and relationship with the non-abusive parent controlled too, even when there is no physical violence. The local reviews showed how professionals had focused on single incidents and missed a pattern of control. I wrote a short summary and discussed it with my practice supervisor.',
		model: 'free',
		reflection: {
			text: 'I used to think of domestic abuse mainly as physical violence, so the idea that children are directly harmed by controlling behaviour was important for me. It changes the questions I will ask: about routines, money, friendships and who makes decisions at home. The local reviews showed that pushing a parent to leave can sometimes increase risk. I need to assess patterns over time and think about safety before change.'
		},
		cpd: {
			type: 'reading-research',
			relevance:
				'Most families open to the team are affected by domestic abuse. I need to understand coercive control before I start assessing families on my own.',
			learning:
				'Coercive control harms children directly, and patterns matter more than incidents. Attempts to drive change can increase risk if safety is not planned.',
			impact:
				'I have written a list of questions about daily life and control to use in assessments, and I will discuss safety planning before any intervention in supervision.',
			peerReflected: false,
			peerReflection: '',
			hours: 3
		},
		outcomes: ['3.2', '4.1'],
		statements: ['3.2 K2', '3.2 K4', '4.1 K4'],
		status: 'submitted'
	},

	// liam.murphy@demo.test: ASYE month 4, Family Safeguarding Team, supervised by helen.walsh@demo.test
	{
		owner: 'liam.murphy@demo.test',
		title: 'Working with a father who had used violence',
		daysAgo: 80,
		type: 'case-work',
		account:
			"I worked with a father of two children, aged 4 and 7, who had hit Mother during an argument. The children were on a child protection plan. Father lived with his own mother and wanted to return home. He said the incident was a one-off. Over five sessions, using tools from our domestic abuse programme, I asked him to describe a typical day from each child's point of view and to think about what the children heard and saw. In the third session he became quiet and said the 7-year-old now flinches when he raises his voice. He agreed to attend the programme. I kept in close contact with Mother's support worker to check her safety throughout.",
		model: 'kolb',
		reflection: {
			experience:
				'I carried out five sessions with a father who had been violent, focusing on his children’s experience, while checking Mother’s safety with her support worker.',
			observation:
				'Direct challenge early on made him defensive. Asking him to see the day through his children’s eyes opened things up. I noticed my own discomfort at building a working relationship with someone who had caused harm.',
			conceptualisation:
				'Behaviour change work is more effective when it helps parents understand the harm to their children. Working with a father who has used violence can increase risk, so it must go alongside safety planning with the other parent.',
			experimentation:
				'I will keep using child-focused questions with parents who minimise harm. I will agree safety checks with the other parent before every session and bring my discomfort to supervision.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Working directly with fathers who have used violence is part of the family safeguarding model, and it is an area where I lacked confidence.',
			learning:
				'Seeing the child’s experience can motivate change more than confrontation. Safety planning with the other parent must happen alongside any work with the person who caused harm.',
			impact:
				'Father is attending the programme and contact is being safely increased. I now plan sessions around the child’s point of view.',
			peerReflected: true,
			peerReflection:
				'The team’s domestic abuse worker helped me plan the sessions and reminded me to watch for signs that he was managing me rather than changing.',
			hours: 5
		},
		outcomes: ['4.1', '2.4'],
		statements: ['4.1 K3', '4.1 D5', '2.4 D3'],
		status: 'accepted',
		review: { by: 'helen.walsh@demo.test', daysAfter: 11 }
	},
	{
		owner: 'liam.murphy@demo.test',
		title: 'Preparing parents for an initial child protection conference about their baby',
		daysAgo: 20,
		type: 'case-work',
		account:
			'A 3-month-old baby had an unexplained bruise, and the hospital found no medical cause. After the strategy discussion and enquiries, an initial child protection conference was called. Both parents were very anxious and angry. I visited them twice before the conference. The first time I mainly listened. The second time I went through my report, explained what the conference would decide and who would be there, and told them about their right to bring an advocate or solicitor. I wrote the key points on a single page because Mother said she could not take it all in. At the conference Father said he disagreed with the concerns but understood why they had been raised.',
		model: 'driscoll',
		reflection: {
			what: 'I prepared two parents for a conference about their baby’s unexplained bruise, listening first, then explaining the process, my report and their rights, with a one-page summary.',
			soWhat:
				'High stress makes it hard to take in information, so splitting it over two visits and writing it down helped. Babies are especially vulnerable, and I had to hold that clearly while staying respectful and open with parents who felt accused.',
			nowWhat:
				'I will always offer a pre-conference visit focused on listening, provide a written summary, and tell parents about advocacy early. I will keep checking what they have understood rather than assuming.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Conferences about babies with unexplained injuries are among the most stressful processes for families. How they are prepared affects their participation and future work with them.',
			learning:
				'Listening first helps parents hear difficult messages. Written summaries and clear information about their rights support parents to take a fair part in decisions about their baby.',
			impact:
				'Both parents took part in the conference and have engaged with the plan. I now use a one-page summary with every family before conference.',
			peerReflected: false,
			peerReflection: '',
			hours: 3
		},
		outcomes: ['2.2', '3.2'],
		statements: ['2.2 K3', '2.2 D1', '2.2 D4', '3.2 D1'],
		status: 'submitted'
	},

	// sara.novak@demo.test: ASYE month 7, Family Safeguarding Team, supervised by helen.walsh@demo.test
	{
		owner: 'sara.novak@demo.test',
		title: 'Observed home visit with a mother experiencing depression',
		daysAgo: 160,
		type: 'observation',
		account:
			'My practice supervisor observed a home visit to a mother with depression and her 18-month-old son, who is on a child in need plan. Mother had missed two appointments with her GP. I began by asking how she had been sleeping and what a good day looked like. I watched how she responded when her son brought her a toy: she smiled but did not engage for long. I gently named what I saw and asked what helped on harder days. She said her sister came some mornings. Together we agreed that I would support her to book a GP appointment and that her sister could come to the next meeting.',
		model: 'gibbs',
		reflection: {
			description:
				'I visited a mother with depression and her toddler while being observed. I asked about her wellbeing, watched her interaction with her son, named what I saw gently, and agreed next steps with her.',
			feelings:
				'I felt a strong wish to help her feel better, and some anxiety about naming what I saw without upsetting her. Being observed made me more aware of my tone.',
			evaluation:
				'What went well: a warm, calm visit and a concrete plan. What did not: I did not ask enough about her thoughts or whether she felt safe, and I did not check how the toddler’s days go when she is at her lowest.',
			analysis:
				'Parental mental ill-health can affect responsiveness to a young child, which matters greatly for development at this age. Her limited capacity called for a flexible, gentle approach, but that must not replace careful assessment of the child’s day.',
			conclusion:
				'I could have asked directly about her mental health and risk, and used a simple daily routine chart to understand her son’s care on different days.',
			actionPlan:
				'I will ask direct, caring questions about mental health on every visit, use a routine chart with parents of young children, and include the child’s day in my recording.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Parental mental ill-health is common in the families I work with. This observation focused on how I balance support for a parent with assessment of a young child’s needs.',
			learning:
				'Warmth and directness can go together. A young child’s experience needs to be tracked across good and bad days, not just on the day I visit.',
			impact:
				'Mother saw her GP and has started treatment. The plan now includes her sister and a routine chart, and I ask about mental health more directly.',
			peerReflected: true,
			peerReflection:
				'My practice supervisor encouraged me to ask harder questions kindly, and shared wording that she uses with parents about low mood.',
			hours: 2
		},
		outcomes: ['2.4', '3.2'],
		statements: ['2.4 K3', '2.4 D1', '3.2 K4', '3.2 D8'],
		status: 'accepted',
		review: { by: 'helen.walsh@demo.test', daysAfter: 14 }
	},
	{
		owner: 'sara.novak@demo.test',
		title: "Using supervision after a child's disclosure of sexual abuse",
		daysAgo: 115,
		type: 'supervision',
		account:
			'A 10-year-old girl told me during a visit that an older relative had sexually abused her. I followed procedures: I listened, did not ask leading questions, reassured her she had done the right thing, and immediately contacted my manager. A strategy discussion and joint investigation followed. In the days after, I found myself unable to stop thinking about what she had said and slept badly. I raised this in supervision. My supervisor gave me time to talk, explained vicarious trauma, and asked what support I had. We agreed I would use the employee assistance service and have an extra supervision session in two weeks.',
		model: 'schon',
		reflection: {
			inAction:
				'When she told me, I noticed my own shock and consciously slowed my breathing so I could stay calm and focused on her. I kept my words simple and let her lead. I was aware of wanting to ask more and chose not to.',
			onAction:
				'Looking back, I managed the disclosure well, but I waited too long to say how it was affecting me. I would keep the calm response. I would change how quickly I ask for help: it is a professional need, not a weakness.'
		},
		cpd: {
			type: 'supervision-peer',
			relevance:
				'Responding to disclosures of sexual abuse is one of the hardest parts of the role. This supervision was about the impact on me and how I manage it safely.',
			learning:
				'Vicarious trauma is a normal response to hearing about abuse. Naming it early and using supervision and support services helps me stay effective for children.',
			impact:
				'I used the support service and feel more settled. I have a personal plan for difficult visits, including a debrief with a colleague on the same day.',
			peerReflected: true,
			peerReflection:
				'A colleague shared how she copes after difficult disclosures, which made me feel less alone and gave me practical ideas.',
			hours: 2
		},
		outcomes: ['6.4', '5.1'],
		statements: ['6.4 K3', '6.4 D2', '6.4 D4', '5.1 K2'],
		status: 'accepted',
		review: { by: 'helen.walsh@demo.test', daysAfter: 8 }
	},
	{
		owner: 'sara.novak@demo.test',
		title: 'Writing a parenting assessment under pre-proceedings',
		daysAgo: 40,
		type: 'case-work',
		account:
			'I wrote a parenting assessment for a father of a 5-year-old while the family was in pre-proceedings under the PLO. Father had a history of drug use and had been clean for four months. Over six sessions I observed him with his son, looked at how he managed routines and boundaries, and asked how he understood his son’s feelings and behaviour. I spoke with his drug worker and the school. I concluded that he had made real progress but that it was too early to be confident the change would last. I recommended a further three months with drug testing and continued support.',
		model: 'kolb',
		reflection: {
			experience:
				'I completed my first parenting assessment in pre-proceedings, using observation, sessions with Father and information from partners to reach a recommendation.',
			observation:
				'I noticed how much I wanted him to succeed after seeing his warmth with his son. I worried that this might affect my judgement, and I checked my conclusions carefully in supervision.',
			conceptualisation:
				'Sustained change is needed for better outcomes, and four months is a short time against a long history. Assessing whether a parent understands his child’s inner world is central to parenting capacity.',
			experimentation:
				'In future assessments I will set out more clearly how I tested my hypotheses, and what would show that change is lasting, so families and the court can see my reasoning.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Parenting assessments in pre-proceedings can decide whether a child stays with a parent. Getting the analysis right, and fair, is essential for the child and for Father.',
			learning:
				'Warmth towards a parent must be balanced by evidence. Clear reasoning about sustained change makes a recommendation fair and understandable.',
			impact:
				'The recommendation was accepted and Father understood the reasons. I now plan assessments around the questions I need to answer.',
			peerReflected: false,
			peerReflection: '',
			hours: 10
		},
		outcomes: ['3.2', '4.5'],
		statements: ['3.2 K11', '3.2 K16', '3.2 D8', '4.5 K1'],
		status: 'returned',
		review: {
			by: 'helen.walsh@demo.test',
			daysAfter: 7,
			feedback:
				'This is a thoughtful piece and your honesty about wanting Father to succeed is valuable. To meet the statements you have chosen, please add more on the child: what did the 5-year-old say or show you about living with his father, and how did that inform your recommendation? Please also say briefly how you tested an alternative view, for example that the progress was mainly due to the pre-proceedings pressure. Then resubmit and I will be glad to accept it.'
		}
	},

	// dev.patel@demo.test: ASYE month 12, Family Safeguarding Team, supervised by helen.walsh@demo.test
	{
		owner: 'dev.patel@demo.test',
		title: 'A family network meeting to plan for an unborn baby',
		daysAgo: 300,
		type: 'case-work',
		account:
			"I was completing a pre-birth assessment for a young mother who had grown up in care and whose partner had a history of violence. She had little contact with her birth family. With her agreement I traced her maternal aunt and a former foster carer she remained close to, and met the partner's parents. We held a family network meeting with a coordinator. The family agreed a support plan for after the birth, including the aunt staying for the first two weeks and the former foster carer visiting twice a week. We also agreed a contingency plan if the baby could not safely stay with Mother, with the aunt offering to be assessed as a carer.",
		model: 'kolb',
		reflection: {
			experience:
				'I traced and brought together a young mother’s wider network before her baby was born, and supported them to agree a support and contingency plan.',
			observation:
				'Mother was surprised her aunt wanted to help. The former foster carer became a key person. I noticed I had almost accepted that Mother had no family because that was what the records said.',
			conceptualisation:
				'Family group decision-making works best when started early, not in a crisis. Contingency plans can be reassuring when the family helps build them, and care-experienced parents may have networks outside their birth family.',
			experimentation:
				'I will look for family and connected people at the start of every pre-birth assessment and involve them before decisions are needed.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Pre-birth assessments require early planning. Finding support for a care-experienced mother could make the difference between the baby staying with her or not.',
			learning:
				'Records can miss important people. Starting family planning early gives everyone time, and contingency plans made with the family are less frightening.',
			impact:
				'The baby went home with Mother and the support plan is working. The aunt remains an approved option if things change.',
			peerReflected: true,
			peerReflection:
				'The family group coordinator helped me think about how to involve the partner’s parents without increasing risk to Mother.',
			hours: 6
		},
		outcomes: ['2.5', '3.3'],
		statements: ['2.5 D2', '2.5 D3', '3.3 K4', '3.3 D6'],
		status: 'accepted',
		review: { by: 'helen.walsh@demo.test', daysAfter: 12 }
	},
	{
		owner: 'dev.patel@demo.test',
		title: 'Exploitation training applied to a 15-year-old who went missing',
		daysAgo: 210,
		type: 'learning-activity',
		account:
			'I attended a one-day course on criminal and sexual exploitation of children, with sessions on grooming, online risk, county lines and the language professionals use. A week later, a 15-year-old girl on my caseload went missing overnight for the third time. Using the course material, I completed a return home conversation with her at a café she chose, asked about who she had been with and how she got there, and shared information with the police missing person coordinator. I mapped her contacts and the places she goes and requested a multi-agency exploitation meeting.',
		model: 'free',
		reflection: {
			text: 'Before the course I may have seen her going missing as risky behaviour. Afterwards I recognised possible grooming: older friends, new clothes and a phone her mother did not buy. The course helped me ask about those things calmly. I realised how important it was to make the return conversation feel safe rather than like an interrogation. Linking the learning to a real case straight away made it stick.'
		},
		cpd: {
			type: 'formal-learning',
			relevance:
				'Adolescents at risk of exploitation are part of the team’s work. I needed better knowledge to assess risks outside the family home.',
			learning:
				'Signs of grooming can look like ordinary teenage change. Return home conversations work best when the young person feels in control of where and how.',
			impact:
				'The exploitation meeting led to a safety plan with the police and a youth worker. She has not gone missing since, and she talks openly with her mother.',
			peerReflected: false,
			peerReflection: '',
			hours: 7
		},
		outcomes: ['3.1', '5.3'],
		statements: ['3.1 D8', '5.3 D1', '5.3 D2'],
		status: 'accepted',
		review: { by: 'helen.walsh@demo.test', daysAfter: 9 }
	},
	{
		owner: 'dev.patel@demo.test',
		title: 'Learning from a themed audit of my child protection plans',
		daysAgo: 55,
		type: 'audit-learning',
		account:
			'The service ran a themed audit on child protection plans, and two of mine were included. The auditor found that the plans were clear about what the parents needed to do, but less clear about how we would know things were better for the children. One plan had fourteen actions, several of which repeated each other. I met the auditor to talk about it, then rewrote both plans with the core groups, reducing them to fewer actions, each linked to a change in the child’s daily life. I shared what I learnt at a team meeting.',
		model: 'driscoll',
		reflection: {
			what: 'Two of my child protection plans were audited. They were clear for parents but did not show how we would see change for the children, and one had too many overlapping actions.',
			soWhat:
				'A plan is a tool to improve the child’s life, not a checklist. Too many actions can overwhelm a family and hide what matters most. I had been writing plans to cover everything rather than to focus on what would make the biggest difference.',
			nowWhat:
				'I will write plans with fewer, prioritised actions, each linked to a visible change for the child, and review them with families in plain language. I will keep taking part in audit willingly, as it improves my work.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Quality assurance helps make sure plans keep children safe and families understand what is expected. This audit focused on my own written plans.',
			learning:
				'Plans work best when they are short, prioritised and focused on the child’s experience. Audit feedback helps me see patterns in my work.',
			impact:
				'Both plans were rewritten, and the families said they were easier to follow. Two colleagues have since used the same approach.',
			peerReflected: true,
			peerReflection:
				'Discussing the findings at a team meeting showed others had similar issues, and we agreed a shared way of linking actions to outcomes.',
			hours: 2
		},
		outcomes: ['6.3', '3.3'],
		statements: ['6.3 K2', '6.3 D1', '3.3 D3'],
		status: 'accepted',
		review: { by: 'helen.walsh@demo.test', daysAfter: 10 }
	},

	// jamal.ahmed@demo.test: social worker, Family Safeguarding Team, supervised by owen.price@demo.test
	{
		owner: 'jamal.ahmed@demo.test',
		title: 'Escalating a disagreement with a health partner',
		daysAgo: 70,
		type: 'case-work',
		account:
			'I was working with a family where a 2-year-old had missed several hospital appointments for a heart condition. The hospital team planned to discharge him back to the GP because of non-attendance. I was worried this would leave no one monitoring his condition, and that the missed appointments were part of a wider pattern of neglect. I spoke to the consultant, who said discharge was hospital policy. I explained the child protection plan and asked for a different approach, but they would not change the decision. I followed the safeguarding partnership escalation procedure, involving my manager and the named nurse. The hospital agreed to keep him open and to contact me directly if he missed an appointment.',
		model: 'schon',
		reflection: {
			inAction:
				'When the consultant first refused, I felt intimidated and nearly accepted it. I noticed this, paused, and reminded myself I was the expert on the risk of harm. I asked calmly for the decision in writing and said I would escalate.',
			onAction:
				'Looking back, I would keep my calm, clear approach and follow the escalation procedure earlier rather than having several informal conversations first. I would also share the chronology with the hospital sooner so they could see the wider pattern.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Challenging professionals who are seen as having more authority is part of keeping children safe. This case risked a child with a serious health condition losing specialist care.',
			learning:
				'Escalation procedures are there to be used, and using them is professional rather than confrontational. Sharing the full picture helps partners understand the risk.',
			impact:
				'The child stayed under the hospital team and has attended every appointment since, with transport support. I now share chronologies with health partners earlier.',
			peerReflected: false,
			peerReflection: '',
			hours: 3
		},
		outcomes: ['2.6', '6.2'],
		statements: ['2.6 K7', '2.6 D4', '6.2 D3', '6.2 D5'],
		status: 'accepted',
		review: { by: 'owen.price@demo.test', daysAfter: 10 }
	},

	// maya.joseph@demo.test: ASYE month 3, Children in Care Team, supervised by daniel.byrne@demo.test
	{
		owner: 'maya.joseph@demo.test',
		title: 'First statutory visit to a 10-year-old girl in foster care',
		daysAgo: 58,
		type: 'observation',
		account:
			'My practice supervisor observed my first statutory visit to a 10-year-old girl who had moved to a new foster home a week earlier. I had read her file and spoken to her previous social worker. I brought a small notebook as a gift and asked if she would like to use it to write or draw things she wanted to tell me. I explained who I was, why children in care have a social worker, and how often I would visit. She asked if I was going to leave like the last one. I said I did not know how long I would be her worker, but I would always tell her first. I also spent time with the foster carers, talking about her routines, her favourite foods and what helps her settle at night.',
		model: 'gibbs',
		reflection: {
			description:
				'I visited a 10-year-old in her new foster home, explained my role, answered a hard question about workers leaving, and talked with the carers about her routines and needs.',
			feelings:
				'I felt nervous and keen to make a good first impression. Her question about me leaving made me feel sad and a bit guilty on behalf of the system.',
			evaluation:
				'Good: the notebook helped, and she understood my role. Less good: I spent too long talking to the carers while she was in the room, which may have felt like talking about her rather than with her.',
			analysis:
				'Children who have experienced many changes in worker may find it hard to trust. Being honest rather than making promises respects her experience. Sharing practical details with carers helps a child settle quickly.',
			conclusion:
				'I could have spoken with the carers separately, and asked her whether she wanted to be part of that conversation.',
			actionPlan:
				'I will ask children how they want visits to run, speak with carers separately when needed, and keep notes of small details she tells me so she knows I remember.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Building trust with children in care is the foundation of my role, especially after placement moves and changes of worker.',
			learning:
				'Honesty builds more trust than easy reassurance. Children need to understand my role and to feel included in the conversations adults have about them.',
			impact:
				'She now uses the notebook to share worries between visits, and brings it to each visit. I plan time with her and with the carers separately.',
			peerReflected: true,
			peerReflection:
				'My practice supervisor reflected with me on how to answer questions about endings honestly, which helped me feel more prepared.',
			hours: 2
		},
		outcomes: ['2.3', '4.3'],
		statements: ['2.3 D1', '2.3 D4', '4.3 K12'],
		status: 'accepted',
		review: { by: 'daniel.byrne@demo.test', daysAfter: 9 }
	},
	{
		owner: 'maya.joseph@demo.test',
		title: 'Supervising family time between a 4-year-old and his mother',
		daysAgo: 4,
		type: 'case-work',
		account:
			'I supervised family time at a contact centre between a 4-year-old boy in foster care and his mother, who is working towards him returning home. Mother arrived late and looked anxious. The boy was excited and climbed onto her lap, then became upset when she took a phone call. I gently suggested she put the phone away, and she did. For the rest of the session they played with a toy garage and she read him a story. At the end he cried, and Mother looked close to tears too. I spoke to both of them, reassured him when he would see her next, and sat with Mother afterwards to talk about what had gone well.',
		model: 'driscoll',
		reflection: {
			what: 'I supervised family time, gently prompted Mother to put her phone away, watched their play, and supported both of them through a difficult goodbye.',
			soWhat:
				'Family time matters for his sense of self and for the plan to return home. Mother’s anxiety and distraction affected him quickly. I learnt that small prompts given kindly can support a parent without undermining her.',
			nowWhat:
				'I will agree simple plans for family time with Mother beforehand, including phones and how to say goodbye, and work with the foster carers to prepare him for the end of each session.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Safe, positive family time helps children in care keep their relationships with their parents, and it is a key part of the plan for this boy to return home.',
			learning:
				'Young children react quickly to changes in a parent’s attention. Preparing both the parent and the child can make sessions, and the goodbyes, much easier.',
			impact:
				'I have agreed a written family time plan with Mother and the foster carers, including phones being put away and a short goodbye routine he can predict.',
			peerReflected: false,
			peerReflection: '',
			hours: 2
		},
		outcomes: ['2.4', '4.3'],
		statements: ['2.4 K8', '2.4 D4', '4.3 K15', '4.3 D13'],
		status: 'draft'
	},

	// ryan.cole@demo.test: ASYE month 6, Children in Care Team, supervised by daniel.byrne@demo.test
	{
		owner: 'ryan.cole@demo.test',
		title: 'Starting life-story work with an 8-year-old in long-term foster care',
		daysAgo: 130,
		type: 'case-work',
		account:
			"I began life-story work with an 8-year-old boy who has lived with his long-term foster carers for three years. He had been asking the carers why he could not live with his mum. I read his file carefully and met with the carers to plan. In the first session we made a 'me now' page with his favourite things, photos of his pets and his football team colours. In the second, we drew a timeline of the places he has lived, and he added the colours he remembered from his first home. He asked whether his mum still loves him. I said his mum loved him but could not keep him safe, and that we would talk more about it. The carers sat in and will keep the book safe.",
		model: 'kolb',
		reflection: {
			experience:
				'I started life-story work with an 8-year-old, planning with his carers, beginning with his present, then gently moving to his past and answering a painful question about his mother.',
			observation:
				'Starting with the present made the work feel safe. When he asked his question, I felt a pull to avoid it, but a short honest answer seemed to settle him. Having his carers there helped him feel secure.',
			conceptualisation:
				'Children who understand their history are more likely to do well. Without a clear story, children can fill the gaps with blame or confusion. The work needs to match his age and be revisited as he grows.',
			experimentation:
				'I will prepare truthful, age-appropriate words for hard parts of his story with my supervisor and the carers, so we all say the same thing. I will move at his pace and let him choose what goes in the book.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Life-story work is a key task for children in care, and this child was asking his carers questions that needed honest answers.',
			learning:
				'Starting with the present and involving carers makes life-story work feel safer. Honest, simple answers help children more than avoiding the question.',
			impact:
				'He is more settled and asks his carers questions more freely. The carers feel more confident answering him using the words we agreed.',
			peerReflected: true,
			peerReflection:
				'A colleague experienced in life-story work helped me choose words for the hard parts of his story and warned me not to rush.',
			hours: 4
		},
		outcomes: ['2.3', '4.3'],
		statements: ['2.3 K5', '2.3 K6', '2.3 D9', '4.3 D9'],
		status: 'accepted',
		review: { by: 'daniel.byrne@demo.test', daysAfter: 10 }
	},
	{
		owner: 'ryan.cole@demo.test',
		title: 'Preparing a 13-year-old for his child looked after review',
		daysAgo: 30,
		type: 'case-work',
		account:
			"A 13-year-old boy in residential care had refused to attend his last two reviews, saying 'nobody listens anyway'. Before this review, I met him at a place of his choosing and asked what he wanted the meeting to talk about. He said he wanted more time with his older brother and to stop having to ask permission for sleepovers. I helped him write a short list, offered him the option of an advocate, and agreed he could attend for the first half only. At the review he read his list. The IRO agreed to look at sleepover permission, and the plan now includes monthly time with his brother.",
		model: 'free',
		reflection: {
			text: 'I realised that his refusal to attend reviews was a message about feeling unheard, not a lack of interest. Preparing with him, and letting him decide how to take part, changed his experience of the meeting. I also saw how everyday rules can make children in care feel different from their friends, and that I can help reduce this.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Children in care have a right to take part in decisions about their lives. This young person had stopped engaging with reviews.',
			learning:
				'Careful preparation and choice about how to take part can help children feel heard. Small changes to everyday rules can matter a lot.',
			impact:
				'He attended and spoke at his review, and the plan reflects his wishes. I now prepare every child for their review.',
			peerReflected: false,
			peerReflection: '',
			hours: 2
		},
		outcomes: ['2.6', '3.3'],
		statements: ['2.6 D6', '3.3 D3'],
		status: 'returned',
		review: {
			by: 'daniel.byrne@demo.test',
			daysAfter: 6,
			feedback:
				'Good work helping him have his say, and it is lovely that the plan now includes time with his brother. The reflection is quite short for the outcomes you have chosen. Please add how you worked with the residential staff and the IRO before the meeting, and how you will follow up on sleepover permission and delegated authority. A structured reflective model, such as the experiential learning cycle, may help you draw out what you learnt and what you will do next.'
		}
	},

	// isla.fraser@demo.test: ASYE month 8, Children in Care Team, supervised by daniel.byrne@demo.test
	{
		owner: 'isla.fraser@demo.test',
		title: 'Pathway planning with a 17-year-old about to leave care',
		daysAgo: 140,
		type: 'case-work',
		account:
			'I worked with a 17-year-old young woman to write her pathway plan. She was anxious about leaving her foster home and worried about money and where she would live. We met at a café she chose and used a simple chart of areas of her life: home, money, education, health, relationships and identity. She wanted to go to college to study childcare. I linked her with the leaving care team, helped her apply for a college place and a bursary, and raised her concerns about housing at the corporate parenting panel. She also said she wanted to stay in touch with her foster carers after she moves out.',
		model: 'driscoll',
		reflection: {
			what: 'I helped a young woman write her pathway plan around her own goals, connected her with the leaving care team and college, and raised her housing worries with senior managers.',
			soWhat:
				'Care leavers face extra barriers, and as corporate parents we need to act like good parents would. Her worries were practical and fair. I learnt that advocacy sometimes means speaking up beyond my team.',
			nowWhat:
				'I will start pathway planning earlier, help young people keep relationships with carers, and raise shared barriers such as housing with managers so they can be addressed for others too.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Supporting care leavers to plan for adulthood is central to my role as a corporate parent and to reducing the disadvantage they face.',
			learning:
				'Plans built around the young person’s own goals are more meaningful. Advocacy can mean raising issues at a senior level, not just within casework.',
			impact:
				'She has a college place and a bursary. The panel agreed to review how housing is offered to care leavers in our area.',
			peerReflected: true,
			peerReflection:
				'A personal adviser from the leaving care team shared what young people say helps most, which shaped how I ran our sessions.',
			hours: 5
		},
		outcomes: ['1.4', '4.2'],
		statements: ['1.4 K2', '1.4 D3', '4.2 D5'],
		status: 'accepted',
		review: { by: 'daniel.byrne@demo.test', daysAfter: 12 }
	},
	{
		owner: 'isla.fraser@demo.test',
		title: 'Feedback from a young person I support',
		daysAgo: 14,
		type: 'feedback-child-family',
		account:
			"I asked a 15-year-old girl in foster care for feedback on how I work with her, using a short card with three questions: what I do that helps, what I do that does not, and what she would like me to change. She wrote that she likes that I remember things she tells me and that I text before visits. She said she does not like it when I visit straight after school because she is tired, and that she hates it when I talk about her in front of her foster carer's own children. We agreed visits later in the day and that I will talk to her alone in her room or on a walk.",
		model: 'schon',
		reflection: {
			inAction:
				'When she read out what she hates, I felt defensive for a second, then noticed her watching my reaction. I thanked her and asked her to tell me more. She relaxed and gave me practical ideas.',
			onAction:
				'Looking back, I had not thought about how visiting at the same time each month, in a busy house, could feel intrusive. I would keep asking for feedback, and change how I plan visits so that they fit around her life.'
		},
		cpd: {
			type: 'feedback',
			relevance:
				'Feedback from the young people I support helps me understand whether my visits and my way of working actually feel helpful to them.',
			learning:
				'Small things, such as timing and privacy, really affect how young people experience visits. Responding warmly to feedback encourages honesty.',
			impact:
				'I have changed the time and place of visits and now see her alone. She said afterwards that visits feel more relaxed and less like an inspection.',
			peerReflected: false,
			peerReflection: '',
			hours: 0.5
		},
		outcomes: ['5.1', '6.3'],
		statements: ['5.1 K6', '5.1 D4', '6.3 K3'],
		status: 'submitted'
	},

	// kwame.boateng@demo.test: ASYE month 10, Children in Care Team, supervised by daniel.byrne@demo.test
	{
		owner: 'kwame.boateng@demo.test',
		title: 'Identity work with a 16-year-old unaccompanied asylum-seeking young person',
		daysAgo: 240,
		type: 'case-work',
		account:
			'I worked with a 16-year-old boy who arrived in the country alone and is living in semi-independent accommodation. He was still learning the language and was unsure about his age assessment and his asylum claim. With an interpreter in his first language, we made a map of the important parts of his life: his family back home, his faith, his food, his friends and his hopes. He said he missed praying with others, so I found a local place of worship and arranged for a volunteer from his community to go with him the first time. I also helped him understand his immigration process and linked him with a specialist legal service.',
		model: 'gibbs',
		reflection: {
			description:
				'I used a life map with a young asylum-seeker, with an interpreter, to explore his identity and needs, then connected him with his faith community and legal support.',
			feelings:
				'I felt a deep sense of responsibility and sometimes helplessness about the immigration process. I also felt uncertain about my understanding of his culture and faith.',
			evaluation:
				'Good: the map helped him talk about what matters to him. Less good: I did not check early enough whether he was comfortable with the interpreter, who came from a different region.',
			analysis:
				'Identity can take on special importance in adolescence, particularly after loss of home and family. Uncertainty about immigration adds fear and can affect trust. Using interpreters carefully is essential to communication.',
			conclusion:
				'I could have asked him what he wanted from an interpreter and about his experiences of professionals, and asked the community volunteer to help me understand more.',
			actionPlan:
				'I will check interpreter preferences with young people, keep exploring identity over time, and continue to use community links to support belonging.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Unaccompanied young people face loss, uncertainty and cultural change. Supporting their identity and sense of belonging is part of my role.',
			learning:
				'Identity work and community links support wellbeing. Careful use of interpreters matters for trust. Immigration uncertainty affects every part of a young person’s life.',
			impact:
				'He attends a place of worship weekly and has legal advice. I now ask young people about interpreter preferences at the start.',
			peerReflected: true,
			peerReflection:
				'A colleague with experience of working with unaccompanied children helped me understand the age assessment process and its impact on young people.',
			hours: 5
		},
		outcomes: ['1.1', '1.3'],
		statements: ['1.1 K3', '1.1 D2', '1.3 D1', '1.3 D2'],
		status: 'accepted',
		review: { by: 'daniel.byrne@demo.test', daysAfter: 11 }
	},
	{
		owner: 'kwame.boateng@demo.test',
		title: 'Supporting a grandmother who became a kinship carer',
		daysAgo: 90,
		type: 'case-work',
		account:
			"A grandmother became the carer for her two grandchildren, aged 6 and 9, after their mother's mental health crisis. She was caring for them on a low income and felt torn between her daughter and the children. She told me she felt judged by professionals and guilty for 'taking sides'. I visited regularly, helped her apply for financial support and a larger bedroom, and linked her with a kinship carers' group. We talked about how to manage family time with her daughter safely and how to explain to the children why they were living with her. She said she felt less alone after joining the group.",
		model: 'kolb',
		reflection: {
			experience:
				'I supported a grandmother caring for her grandchildren, helping with practical needs, family time with her daughter, and explaining the situation to the children.',
			observation:
				'I noticed how much emotional strain she carried, caught between loyalty to her daughter and protecting the children. Practical help built trust before she talked about her feelings.',
			conceptualisation:
				'Kinship carers can face the same pressures as birth families and may struggle to balance roles. They need support, not just assessment, for placements to remain stable.',
			experimentation:
				'I will offer early practical and emotional support to kinship carers, link them with peer groups, and plan family time with them rather than for them.'
		},
		cpd: {
			type: 'practice-learning',
			relevance:
				'Kinship care helps children stay within their family network, but kinship carers often need extra practical and emotional support to keep going.',
			learning:
				'Kinship carers face complex emotions, divided loyalties and money pressures. Peer support and practical help make a real difference to them.',
			impact:
				'The placement is stable, the grandmother has financial support and a network, and family time with Mother is going well.',
			peerReflected: false,
			peerReflection: '',
			hours: 4
		},
		outcomes: ['2.5', '4.3'],
		statements: ['2.5 D6', '4.3 K5', '4.3 D8'],
		status: 'accepted',
		review: { by: 'daniel.byrne@demo.test', daysAfter: 8 }
	},

	// yasmin.haddad@demo.test: senior social worker, Children in Care Team, supervised by daniel.byrne@demo.test
	{
		owner: 'yasmin.haddad@demo.test',
		title: 'Reading research on brothers and sisters in care',
		daysAgo: 35,
		type: 'reading',
		account:
			'I was preparing a care plan for three siblings where the court would need to decide whether they could live together. I read a research review on sibling relationships in care and a practice guide on assessing sibling placements. The research suggests that placing siblings together often supports stability and identity, but that each child’s needs must be considered, and that separation can be right in some situations. I used the guide to assess the children’s relationships through observation and by asking each child about their brother and sister.',
		model: 'driscoll',
		reflection: {
			what: 'I read research on siblings in care to help me recommend whether three siblings should live together, and used it in my assessment.',
			soWhat:
				'The research showed that sibling relationships matter greatly, but that decisions must be based on each child’s needs. I learnt to look carefully at the quality of the relationships rather than assuming together is always best.',
			nowWhat:
				'I will use research and sibling assessment tools early in care planning, and explain my reasoning clearly in court reports so the children’s relationships are given proper weight.'
		},
		cpd: {
			type: 'reading-research',
			relevance:
				'Decisions about sibling placements affect children’s whole lives. I needed up-to-date evidence to make a sound recommendation to the court.',
			learning:
				'Sibling relationships support stability and identity, but each child’s needs must be weighed separately. Observation and the children’s own views are key.',
			impact:
				'My care plan recommendation was clearer and more balanced, and the children’s guardian agreed with it. I have shared the research summary with the team.',
			peerReflected: true,
			peerReflection:
				'Discussing the research with a colleague helped me think about how to explain the limits of the evidence to the court.',
			hours: 4
		},
		outcomes: ['5.4', '3.3'],
		statements: ['5.4 D1', '5.4 D2', '3.3 D7'],
		status: 'accepted',
		review: { by: 'daniel.byrne@demo.test', daysAfter: 7 }
	}
];
