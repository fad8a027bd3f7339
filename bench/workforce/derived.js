// What the app's triggers keep, counted once from the generated rows as the migrations that made
// each table do (the bench loads its rows with the triggers off): each a statement, in order
// (coverage by team reads accepted_outcomes).

const activePractitioners = `u.active = 1 and exists (select 1 from user_roles r
	where r.user_id = u.id and r.role = 'practitioner')`;
const yearOf = `(select case when substr(e.activity_date, 6, 5) >= starts
	then substr(e.activity_date, 1, 4)
	else cast(cast(substr(e.activity_date, 1, 4) as integer) - 1 as text) end
	|| '-' || starts from cpd_year_rule)`;
const latest = (type) => `(select max(e.activity_date) from evidence e
	where e.owner_id = u.id and e.type = '${type}' and (e.status <> 'draft'
		or exists (select 1 from feedback_requests f where f.record_id = e.id)))`;

/** The statements that fill the kept tables. */
export const derivedFills = [
	`update audit_actions set (audit_status, audited_on, audit_team_id) =
		(select a.status, a.audited_on, a.team_id from audits a where a.id = audit_actions.audit_id)`,
	`insert into accepted_outcomes (owner_id, framework_version, outcome_id, latest_on)
		select owner_id, framework_version, outcome_id, max(accepted_on) from evidence_outcomes
		where accepted_on is not null group by owner_id, framework_version, outcome_id`,
	`insert into audit_area_months (month, team_key, area_id, grade, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), g.area_id, g.effective_grade, count(*)
		from audits a inner join audit_grades g on g.audit_id = a.id
		where a.status = 'finalised'
			and g.stage = case when a.moderated_at is null then 'audit' else 'moderation' end
			and g.effective_grade <> 'not-applicable'
		group by 1, 2, 3, 4`,
	`insert into audit_moderation_months (month, team_key, area_id, moderated, changed)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), m.area_id, count(*),
			sum(case when m.effective_grade <> g.effective_grade then 1 else 0 end)
		from audits a
			inner join audit_grades m on m.audit_id = a.id and m.stage = 'moderation'
			inner join audit_grades g on g.audit_id = a.id and g.stage = 'audit' and g.area_id = m.area_id
		where a.status = 'finalised' and a.moderated_at is not null
		group by 1, 2, 3`,
	`insert into audit_grade_months (month, team_key, grade, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''),
			coalesce(a.moderated_overall_grade, a.overall_grade, ''), count(*)
		from audits a where a.status = 'finalised'
		group by 1, 2, 3`,
	`insert into audit_theme_months (month, team_key, kind, ref, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), tg.kind, tg.ref, count(*)
		from audits a
			inner join audit_findings f on f.audit_id = a.id and f.kind = 'development'
			inner join audit_finding_tags tg on tg.finding_id = f.id
		where a.status = 'finalised'
		group by 1, 2, 3, 4`,
	`insert into learning_need_months (team_key, month, status, n)
		select coalesce(u.team_id, ''), substr(ln.created_at, 1, 7), ln.status, count(*)
		from users u inner join learning_needs ln on ln.practitioner_id = u.id
		where ${activePractitioners}
		group by 1, 2, 3`,
	`insert into learning_need_outcome_months
			(team_key, month, framework_version, outcome_id, status, n)
		select coalesce(u.team_id, ''), substr(ln.created_at, 1, 7), lo.framework_version,
			lo.outcome_id, ln.status, count(*)
		from users u inner join learning_needs ln on ln.practitioner_id = u.id
			inner join learning_need_outcomes lo on lo.need_id = ln.id
		where ${activePractitioners}
		group by 1, 2, 3, 4, 5`,
	`insert into cpd_years (user_id, year_start, records, peer_reflected, minutes)
		select e.owner_id, ${yearOf}, count(*),
			sum(case when e.peer_reflected = 1 then 1 else 0 end), coalesce(sum(e.cpd_minutes), 0)
		from evidence e
		where e.cpd_type is not null and e.status <> 'draft' and e.activity_date is not null
		group by 1, 2`,
	`insert into coverage_team_months
			(team_key, framework_version, outcome_id, kind, month, n)
		select coalesce(u.team_id, ''), a.framework_version, a.outcome_id, 'accepted',
			substr(a.latest_on, 1, 7), count(*)
		from users u inner join accepted_outcomes a on a.owner_id = u.id
		where ${activePractitioners}
		group by 1, 2, 3, 5`,
	`insert into coverage_team_months
			(team_key, framework_version, outcome_id, kind, month, n)
		select coalesce(u.team_id, ''), s.framework_version, s.outcome_id, 'signed',
			substr(s.created_at, 1, 7), count(*)
		from users u inner join signoffs s on s.practitioner_id = u.id
		where ${activePractitioners} and s.action = 'sign-off'
			and s.sequence = (select max(later.sequence) from signoffs later
	where later.practitioner_id = s.practitioner_id and later.outcome_id = s.outcome_id
		and later.framework_version = s.framework_version)
		group by 1, 2, 3, 5`,
	`insert into qa_latest
			(user_id, audit, observation, feedback_child_family, feedback_colleague)
		select u.id, (select max(a.audited_on) from audits a
			where a.practitioner_id = u.id and a.status = 'finalised'),
			${latest('observation')}, ${latest('feedback-child-family')},
			${latest('feedback-colleague')}
		from users u`
];
