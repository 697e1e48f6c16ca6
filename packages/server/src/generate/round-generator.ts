import { defaultWindow, roundTitle, type IndicatorRule } from '@lienhiep/core';
import { sql } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import { ruleAggregate } from '../modules/reporting/activity-figures.repository.js';
import { STANDARD_FORM } from '../modules/reporting/standard-form.js';

export interface GeneratedFamily {
  rootRoundId: string;
  rounds: number;
  reporters: number;
  submissions: number;
  values: number;
  seconds: { rounds: number; values: number; subunits: number };
}

interface FormItem {
  code: string;
  source: string;
  rule: IndicatorRule | null;
}

async function standardFormVersion(db: Executor): Promise<{ id: string; items: FormItem[] }> {
  const v = await db
    .selectFrom('report_form_version as v')
    .innerJoin('report_form as f', 'f.id', 'v.form_id')
    .select('v.id')
    .where('f.code', '=', STANDARD_FORM.code)
    .where('v.published_at', 'is not', null)
    .orderBy('v.version')
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('report_form_item')
    .select(['indicator_code', 'source', 'rule'])
    .where('form_version_id', '=', v.id)
    .where('item_type', '=', 'indicator')
    .orderBy('position')
    .execute();
  return {
    id: v.id,
    items: items.map((i) => ({
      code: i.indicator_code!,
      source: i.source ?? 'manual',
      rule: (i.rule as IndicatorRule | null) ?? null,
    })),
  };
}

/**
 * One round family for the whole tree under the central union, in bulk SQL: the central union's
 * round of year `year` (window 15/12 – 14/12), and a child round, opened by every organisation
 * with sub-units, for those sub-units — every unit below the root is expected exactly once. About
 * 97 % of the units report (90 % approved, 4 % submitted, 3 % draft, per a hash of the seed), the
 * rest never start. Own values come from the activities in the window by the rules of the standard
 * form (ruleAggregate, one grouped statement over the whole family), manual indicators get
 * hashed plausible values, and the sub-units' values are summed bottom-up from the approved child
 * reports, level by level, as the submission service keeps them.
 */
export async function generateRoundFamily(
  db: Database,
  opts: { rootId: string; year: number; seed: number; openedOn?: string },
): Promise<GeneratedFamily> {
  const window = defaultWindow('year', opts.year);
  const on = opts.openedOn ?? `${opts.year}-12-01`;
  const deadline = `${opts.year}-12-20`;
  const title = roundTitle('year', opts.year);
  const seed = String(opts.seed);
  const t0 = performance.now();
  return db.transaction().execute(async (tx) => {
    const form = await standardFormVersion(tx);
    // the tree of the opening day: parent of every organisation under the root, and its depth
    await sql`create temp table gen_tree on commit drop as
      select c.descendant_id as id, p.parent_id, c.depth
      from organization_closure c
      join organization o on o.id = c.descendant_id
        and o.founded_on <= ${on}::date and (o.ended_on is null or o.ended_on > ${on}::date)
      left join organization_parent p on p.organization_id = c.descendant_id
        and p.valid_from <= ${on}::date and p.valid_to > ${on}::date
      where c.ancestor_id = ${opts.rootId} and c.valid_from <= ${on}::date and c.valid_to > ${on}::date`.execute(
      tx,
    );
    await sql`create temp table gen_round on commit drop as
      select gen_random_uuid() as id, t.id as organization_id, t.depth
      from gen_tree t where exists (select from gen_tree c where c.parent_id = t.id and c.depth > 0)`.execute(
      tx,
    );
    await sql`insert into reporting_round (id, organization_id, parent_round_id, form_version_id,
        period_type, year, title, window_from, window_to, deadline, grace_days, status, opened_at)
      select r.id, r.organization_id, pr.id, ${form.id}, 'year', ${opts.year}, ${title},
        ${window.from}::date, ${window.to}::date, ${deadline}::date, 3, 'open', ${on}::date + time '09:00'
      from gen_round r
      left join gen_tree t on t.id = r.organization_id
      left join gen_round pr on pr.organization_id = t.parent_id
      order by r.depth`.execute(tx);
    const reporters = await sql`insert into round_reporter (round_id, organization_id, name_at_open,
        kind_at_open, province_code_at_open)
      select r.id, o.id, coalesce(n.full_name, o.full_name), o.kind, o.province_code
      from gen_round r
      join gen_tree t on t.parent_id = r.organization_id and t.depth > 0
      join organization o on o.id = t.id
      left join organization_name n on n.organization_id = o.id
        and n.valid_from <= ${on}::date and n.valid_to > ${on}::date`.execute(tx);
    // status by a hash of the unit and the seed: stable for a seed, spread over the tree
    const submissions = await sql`insert into submission (round_id, organization_id, status,
        submitted_at, approved_at, created_at, updated_at, document_number, place, signer_position,
        recipients)
      select rr.round_id, rr.organization_id, s.status::submission_status,
        case when s.status <> 'draft' then ${deadline}::date - (s.h % 15)::int + time '10:00' end,
        case when s.status = 'approved' then ${deadline}::date - (s.h % 15)::int + 3 + time '15:00' end,
        ${on}::date + (s.h % 5)::int + time '08:30', ${deadline}::date + time '16:00',
        case when s.status <> 'draft' then (s.h % 150 + 10)::text || '/BC' end,
        case when s.status <> 'draft' then 'Hà Nội' end,
        case when s.status <> 'draft' then 'CHỦ TỊCH' end, '{}'
      from round_reporter rr
      join gen_round r on r.id = rr.round_id
      cross join lateral (select (hashtext(rr.organization_id::text || ${seed})::bigint & 2147483647) as h) hh
      cross join lateral (select hh.h, case when hh.h % 100 < 90 then 'approved'
        when hh.h % 100 < 94 then 'submitted' when hh.h % 100 < 97 then 'draft' end as status) s
      where s.status is not null`.execute(tx);
    const tRounds = performance.now();

    // own values: one grouped pass over the activities of the window for the whole family
    const rules = form.items.filter((i) => i.source === 'activities' && i.rule);
    const manual = form.items.filter((i) => !(i.source === 'activities' && i.rule));
    const aggregates = rules.map(
      (item, i) => sql`${ruleAggregate(item.rule!)}::numeric as ${sql.ref(`v${i}`)}`,
    );
    const values = await sql`insert into submission_value (submission_id, indicator_code,
        own_value, computed_value, subunits_value)
      select s.id, x.code, x.v, x.v, null
      from submission s
      join gen_round r on r.id = s.round_id
      left join (
        select a.organization_id, ${sql.join(aggregates)}
        from activity a
        where a.ends_on between ${window.from}::date and ${window.to}::date
          and a.organization_id in (select s2.organization_id from submission s2 join gen_round r2 on r2.id = s2.round_id)
        group by a.organization_id) g on g.organization_id = s.organization_id
      cross join lateral unnest(
        ${sql.val(rules.map((i) => i.code))}::text[],
        array[${sql.join(rules.map((_, i) => sql`coalesce(g.${sql.ref(`v${i}`)}, 0)`))}]::numeric[]
      ) as x(code, v)`.execute(tx);
    const manualValues = await sql`insert into submission_value (submission_id, indicator_code,
        own_value, computed_value)
      select s.id, m.code, (hashtext(s.id::text || m.code)::bigint & 2147483647) % m.spread, null
      from submission s
      join gen_round r on r.id = s.round_id
      cross join unnest(${sql.val(manual.map((i) => i.code))}::text[],
        ${sql.val(manual.map((i) => (i.code === 'TC_HOI_VIEN' ? 3000 : i.code === 'TC_TO_CHUC_MOI' ? 3 : 120)))}::int[]) as m(code, spread)`.execute(
      tx,
    );
    const tValues = performance.now();

    // sub-units' values, deepest child rounds first so each level adds the one below it
    await sql`update submission_value v set subunits_value = 0
      from submission s join reporting_round r on r.id = s.round_id
      join gen_round c on c.organization_id = s.organization_id
      where v.submission_id = s.id and r.id in (select id from gen_round)`.execute(tx);
    const depths = await sql<{ depth: number }>`select distinct depth from gen_round
      where depth > 0 order by depth desc`.execute(tx);
    for (const { depth } of depths.rows) {
      await sql`update submission_value pv set subunits_value = agg.total
        from (
          select ps.id as parent_submission, v.indicator_code,
                 sum(v.own_value + coalesce(v.subunits_value, 0)) as total
          from gen_round c
          join reporting_round cr on cr.id = c.id
          join submission ps on ps.round_id = cr.parent_round_id and ps.organization_id = cr.organization_id
          join submission s on s.round_id = c.id and s.status in ('approved', 'locked')
          join submission_value v on v.submission_id = s.id
          where c.depth = ${depth}
          group by 1, 2) agg
        where pv.submission_id = agg.parent_submission and pv.indicator_code = agg.indicator_code`.execute(
        tx,
      );
    }
    // a short history and the four sections for every report
    await sql`insert into submission_event (submission_id, action, from_status, to_status, actor_name, at)
      select s.id, e.action, e.from_status::submission_status, e.to_status::submission_status,
        'Dữ liệu sinh tự động', e.at
      from submission s join gen_round r on r.id = s.round_id
      cross join lateral (values
        ('create', null, 'draft', s.created_at),
        ('submit', 'draft', 'submitted', s.submitted_at),
        ('approve', 'submitted', 'approved', s.approved_at)) as e(action, from_status, to_status, at)
      where e.at is not null`.execute(tx);
    await sql`insert into submission_section (submission_id, section_code, body)
      select s.id, x.code, x.body
      from submission s join gen_round r on r.id = s.round_id
      cross join (values
        ('results', 'Hoàn thành các nhiệm vụ trọng tâm của năm; số liệu chi tiết tại bảng chỉ tiêu.'),
        ('shortcomings', 'Kinh phí hoạt động còn hạn hẹp; cán bộ chủ yếu kiêm nhiệm.'),
        ('directions', 'Tăng cường tư vấn, phản biện; đẩy mạnh đào tạo, phổ biến kiến thức.'),
        ('proposals', 'Đề nghị hỗ trợ kinh phí cho hoạt động tư vấn, phản biện.')) as x(code, body)`.execute(
      tx,
    );
    const tSub = performance.now();
    const root = await sql<{ id: string; n: number }>`select
      (select id from gen_round where depth = 0) as id, (select count(*)::int from gen_round) as n`.execute(
      tx,
    );
    return {
      rootRoundId: root.rows[0]!.id,
      rounds: root.rows[0]!.n,
      reporters: Number(reporters.numAffectedRows ?? 0),
      submissions: Number(submissions.numAffectedRows ?? 0),
      values: Number(values.numAffectedRows ?? 0) + Number(manualValues.numAffectedRows ?? 0),
      seconds: {
        rounds: (tRounds - t0) / 1000,
        values: (tValues - tRounds) / 1000,
        subunits: (tSub - tValues) / 1000,
      },
    };
  });
}
