import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { PoolClient } from 'pg';
import { openCopy, textArrayLiteral, type OpenCopy } from '../../db/copy.js';
import { poolOf, type Database, type Executor } from '../../db/database.js';
import type {
  ImportBatch,
  ImportKind,
  ImportRow,
  ImportStatus,
  OrganizationKind,
} from '../../db/schema.generated.js';
import { readablePredicate, type Scope } from '../access/scope.repository.js';
import { collectiveStatusesAt } from '../people/people.repository.js';
import type { MembershipStatus } from '../people/people.schemas.js';
import type { DedupeRecord, ExistingPerson } from './dedupe.js';

export type ImportBatchRow = Selectable<ImportBatch>;
export type ImportRowRow = Selectable<ImportRow>;

/** A row ready for COPY into import_row. */
export interface StagedRow {
  rowNumber: number;
  raw: string[];
  data: unknown;
  issues: unknown;
  status: 'ok' | 'warning' | 'error' | 'duplicate';
  decision: 'create' | 'link' | 'skip';
  nameKey: string;
  matchPersonId: string | null;
  /** An existing organisation the row is (or may be): organisation and collective-member lists. */
  matchOrganizationId?: string | null;
  matchRow: number | null;
  matchReason: string | null;
  newPersonId: string;
}

/** The staged rows of an import being written while the analysis goes on. */
export interface RowStaging {
  write(rows: readonly StagedRow[]): Promise<void>;
  finish(): Promise<boolean>;
  /** Gives up: nothing of this staging is kept. */
  abort(): Promise<void>;
}

const stagedLine = (importId: string, r: StagedRow) =>
  [
    importId,
    String(r.rowNumber),
    textArrayLiteral(r.raw),
    JSON.stringify(r.data),
    JSON.stringify(r.issues),
    r.status,
    r.decision,
    r.nameKey,
    r.matchPersonId,
    r.matchOrganizationId ?? null,
    r.matchRow === null ? null : String(r.matchRow),
    r.matchReason,
    r.newPersonId,
  ] as const;

/** A readable organisation whose name is (or resembles) a row's, or whose code a row gives. */
export interface OrganizationCandidate {
  /** The folded name (or the code) it was found by. */
  key: string;
  id: string;
  code: string;
  kind: OrganizationKind;
  full_name: string;
  founded_on: string;
  ended_on: string | null;
  /** Its parent today (null at the root or once ended). */
  parent_id: string | null;
  parent_name: string | null;
  /** The folded name is exactly the key (else a similar one, or the code). */
  exact: boolean;
  by_code: boolean;
}

const ROW_COLUMNS = [
  'import_id',
  'row_number',
  'raw',
  'data',
  'issues',
  'status',
  'decision',
  'name_key',
  'match_person_id',
  'match_organization_id',
  'match_row',
  'match_reason',
  'new_person_id',
] as const;

export interface RowFilter {
  status?: 'ok' | 'warning' | 'error' | 'duplicate' | undefined;
  decision?: 'create' | 'link' | 'skip' | undefined;
  page: number;
  pageSize: number;
}

export const importRepository = {
  async insertBatch(tx: Executor, values: Insertable<ImportBatch>): Promise<ImportBatchRow> {
    return tx.insertInto('import_batch').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async saveFile(tx: Executor, importId: string, content: Buffer): Promise<void> {
    await tx.insertInto('import_file').values({ import_id: importId, content }).execute();
  },

  async file(db: Executor, importId: string): Promise<Buffer | undefined> {
    const r = await db
      .selectFrom('import_file')
      .select('content')
      .where('import_id', '=', importId)
      .executeTakeFirst();
    return r?.content;
  },

  async deleteFile(tx: Executor, importId: string): Promise<void> {
    await tx.deleteFrom('import_file').where('import_id', '=', importId).execute();
  },

  async find(db: Executor, id: string): Promise<ImportBatchRow | undefined> {
    return db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Locks the import for a change of state (the caller's transaction). */
  async lock(tx: Executor, id: string): Promise<ImportBatchRow | undefined> {
    return tx
      .selectFrom('import_batch')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async list(
    db: Executor,
    scope: Scope,
    organizationId: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ rows: (ImportBatchRow & { organization_name: string })[]; total: number }> {
    let q = db
      .selectFrom('import_batch as b')
      .where((eb) => readablePredicate(scope, eb.ref('b.organization_id')));
    if (organizationId) q = q.where('b.organization_id', '=', organizationId);
    const [rows, total] = await Promise.all([
      q
        .selectAll('b')
        .select(
          sql<string>`(select n.full_name from organization_name n
                       where n.organization_id = b.organization_id
                       order by n.valid_from desc limit 1)`.as('organization_name'),
        )
        .orderBy('b.created_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  },

  async update(db: Executor, id: string, values: Updateable<ImportBatch>): Promise<void> {
    await db
      .updateTable('import_batch')
      .set({ ...values, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  /** Moves the import from one of `from` to `to`; false when it was not in one of them. */
  async transition(
    db: Executor,
    id: string,
    from: readonly ImportStatus[],
    to: ImportStatus,
    values: Updateable<ImportBatch> = {},
  ): Promise<boolean> {
    const r = await db
      .updateTable('import_batch')
      .set({ ...values, status: to, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async interrupted(db: Executor): Promise<{ id: string; status: ImportStatus }[]> {
    return db
      .selectFrom('import_batch')
      .select(['id', 'status'])
      .where('status', 'in', ['analysing', 'committing', 'undoing'])
      .execute();
  },

  async savedMapping(
    db: Executor,
    organizationId: string,
    kind: ImportKind,
  ): Promise<Record<string, string> | null> {
    const r = await db
      .selectFrom('import_mapping')
      .select('by_heading')
      .where('organization_id', '=', organizationId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return (r?.by_heading as Record<string, string> | undefined) ?? null;
  },

  async saveMapping(
    tx: Executor,
    organizationId: string,
    kind: ImportKind,
    byHeading: Record<string, string>,
  ): Promise<void> {
    await tx
      .insertInto('import_mapping')
      .values({
        organization_id: organizationId,
        kind,
        by_heading: JSON.stringify(byHeading),
      })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'kind']).doUpdateSet({
          by_heading: JSON.stringify(byHeading),
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  },

  /**
   * People the actor may read who are, or may be, one of the given records: the same national
   * ID, or the same name key with nothing that tells them apart (the rules of `compareRecords`,
   * applied here so that the thousands of namesakes with another birth year never leave the
   * database). `alreadyMember` is left false: see membersOrDead.
   */
  async candidates(
    db: Database,
    scope: Scope,
    records: readonly DedupeRecord[],
  ): Promise<ExistingPerson[]> {
    const named = records.filter((r) => r.nameKey !== '' || r.nationalId !== null);
    if (named.length === 0) return [];
    const col = <T>(f: (r: DedupeRecord) => T) => sql.val(named.map(f));
    const query = sql<{
      id: string;
      full_name: string;
      name_key: string;
      birth_year: number | null;
      phone: string | null;
      email: string | null;
      national_id: string | null;
    }>`
      with f (k, y, ph, em, nid) as (
        select * from unnest(${col((r) => r.nameKey)}::text[], ${col((r) => r.birthYear)}::int[],
                             ${col((r) => r.phone)}::text[], ${col((r) => r.email)}::text[],
                             ${col((r) => r.nationalId)}::text[])
      ), hit as (
        select p.id from f join person p on p.name_key = f.k
        where f.k <> ''
          and (p.birth_year = f.y or p.phone = f.ph or p.email = f.em
               or not ((f.y is not null and p.birth_year is not null)
                       or (f.ph is not null and p.phone is not null)
                       or (f.em is not null and p.email is not null)
                       or (f.nid is not null and p.national_id is not null)))
        union
        select p.id from f join person p on p.national_id = f.nid
      )
      select p.id, p.full_name, p.name_key, p.birth_year, p.phone, p.email, p.national_id
      from person p
      where p.id in (select id from hit)
        and exists (select 1 from membership_event m
                    where m.person_id = p.id
                      and ${readablePredicate(scope, sql.ref<string>('m.organization_id'))})`;
    const r = await db.transaction().execute(async (tx) => {
      // The lookup runs while the next rows are normalised: parallel workers would take the
      // core that work runs on. Thousands of rows share a name (bench: 16 people per name key),
      // so the names are joined by hashing, in memory: the planner's alternative sorts the
      // person table by name, which costs several times more with a linguistic collation.
      await sql`set local max_parallel_workers_per_gather = 0`.execute(tx);
      await sql`set local work_mem = '64MB'`.execute(tx);
      await sql`set local enable_mergejoin = off`.execute(tx);
      return query.execute(tx);
    });
    return r.rows.map((p) => ({
      id: p.id,
      fullName: p.full_name,
      nameKey: p.name_key,
      birthYear: p.birth_year,
      phone: p.phone,
      email: p.email,
      nationalId: p.national_id,
      alreadyMember: false,
    }));
  },

  /**
   * Of the given people, those already a member of the organisation today, or dead (then nobody
   * adds them again). Asked only for the people an import matched, not for every namesake.
   */
  async membersOrDead(
    db: Executor,
    organizationId: string,
    personIds: readonly string[],
  ): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const r = await sql<{ id: string }>`
      select p.id from unnest(${sql.val(personIds)}::uuid[]) as p(id)
      where exists (select 1 from membership_event d where d.person_id = p.id and d.kind = 'deceased')
         or coalesce((select e.kind from membership_event e
             where e.person_id = p.id and e.organization_id = ${organizationId}
             order by e.effective_date desc, e.created_at desc limit 1)
            in ('join', 'renew', 'suspend', 'transfer'), false)`.execute(db);
    return new Set(r.rows.map((x) => x.id));
  },

  /**
   * Opens the staging of an import's rows: the rows staged before are removed, then the new
   * rows are written into COPYs left open — one per connection, parts taken in turn, so that
   * PostgreSQL stores them on both cores while the next part is decided. `finish` commits only
   * if the import is still being analysed (else nothing is staged and it returns false). The
   * connections commit one after the other: a crash between leaves the import "analysing",
   * and the analysis run again at start removes what was staged.
   */
  async openStaging(db: Database, importId: string, lanes = 2): Promise<RowStaging> {
    const pool = poolOf(db);
    await pool.query(
      `delete from import_row where import_id = $1
         and exists (select 1 from import_batch where id = $1 and status = 'analysing')`,
      [importId],
    );
    const clients: PoolClient[] = [];
    let open = true;
    // a COPY cut short leaves its connection unusable: they are destroyed, not returned
    const destroy = () => {
      if (!open) return;
      open = false;
      for (const c of clients) c.release(true);
    };
    const copies: OpenCopy[] = [];
    try {
      for (let i = 0; i < lanes; i++) {
        const client = await pool.connect();
        clients.push(client);
        await client.query('begin');
        copies.push(openCopy(client, 'import_row', ROW_COLUMNS));
      }
    } catch (err) {
      destroy();
      throw err;
    }
    let turn = 0;
    return {
      async write(rows) {
        const copy = copies[turn++ % copies.length]!;
        await copy.write(rows.map((r) => stagedLine(importId, r)));
      },
      async finish() {
        await Promise.all(copies.map((c) => c.end()));
        const lock = await clients[0]!.query<{ status: string }>(
          'select status from import_batch where id = $1 for update',
          [importId],
        );
        const still = lock.rows[0]?.status === 'analysing';
        for (const c of [...clients].reverse()) await c.query(still ? 'commit' : 'rollback');
        open = false;
        for (const c of clients) c.release();
        return still;
      },
      abort() {
        destroy();
        return Promise.resolve();
      },
    };
  },

  async counts(db: Executor, importId: string): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('import_row')
      .select(['status', 'decision', (eb) => eb.fn.countAll<number>().as('n')])
      .where('import_id', '=', importId)
      .groupBy(['status', 'decision'])
      .execute();
    const out: Record<string, number> = {
      total: 0,
      ok: 0,
      warning: 0,
      error: 0,
      duplicate: 0,
      create: 0,
      link: 0,
      skip: 0,
    };
    for (const r of rows) {
      out.total! += r.n;
      out[r.status] = (out[r.status] ?? 0) + r.n;
      // an error row is never written, whatever its decision
      const d = r.status === 'error' ? 'skip' : r.decision;
      out[d] = (out[d] ?? 0) + r.n;
    }
    return out;
  },

  async rows(
    db: Executor,
    importId: string,
    f: RowFilter,
  ): Promise<{ rows: ImportRowRow[]; total: number }> {
    let q = db.selectFrom('import_row').where('import_id', '=', importId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.decision) q = q.where('decision', '=', f.decision);
    const [rows, total] = await Promise.all([
      q
        .selectAll()
        .orderBy('row_number')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  },

  async row(db: Executor, importId: string, rowNumber: number): Promise<ImportRowRow | undefined> {
    return db
      .selectFrom('import_row')
      .selectAll()
      .where('import_id', '=', importId)
      .where('row_number', '=', rowNumber)
      .executeTakeFirst();
  },

  /** Other rows of the file that could be the same person as the given keys. */
  async rowsLike(
    db: Executor,
    importId: string,
    nameKey: string,
    nationalId: string | null,
  ): Promise<ImportRowRow[]> {
    return db
      .selectFrom('import_row')
      .selectAll()
      .where('import_id', '=', importId)
      .where((eb) =>
        eb.or([
          eb('name_key', '=', nameKey),
          ...(nationalId ? [eb(sql`data->>'nationalId'`, '=', nationalId)] : []),
        ]),
      )
      .orderBy('row_number')
      .execute();
  },

  async updateRow(
    tx: Executor,
    importId: string,
    rowNumber: number,
    values: Updateable<ImportRow>,
  ): Promise<void> {
    await tx
      .updateTable('import_row')
      .set(values)
      .where('import_id', '=', importId)
      .where('row_number', '=', rowNumber)
      .execute();
  },

  async rowNumbers(db: Executor, importId: string): Promise<number[]> {
    const rows = await db
      .selectFrom('import_row')
      .select('row_number')
      .where('import_id', '=', importId)
      .orderBy('row_number')
      .execute();
    return rows.map((r) => r.row_number);
  },

  /**
   * Writes the rows numbered (from, to]: new people, then one join event per person taken — a
   * linked person who is a member again by now, or has died, gets none.
   */
  async commitRange(
    tx: Executor,
    importId: string,
    organizationId: string,
    from: number,
    to: number,
  ): Promise<{ people: number; events: number }> {
    const people = await sql`
      insert into person (id, full_name, family_name, middle_name, given_name, title, degree,
                          gender, birth_date, birth_year, fields, keywords, workplace, job_title,
                          phone, email, national_id, province_code, name_key, import_id)
      select r.new_person_id, d->>'fullName', d->>'familyName', d->>'middleName', d->>'givenName',
             d->>'title', d->>'degree', d->>'gender', (d->>'birthDate')::date, (d->>'birthYear')::int,
             -- most rows have none: the empty case skips a subquery per row
             case when d->'fields' = '[]' then '{}' else array(select jsonb_array_elements_text(d->'fields')) end,
             case when d->'keywords' = '[]' then '{}' else array(select jsonb_array_elements_text(d->'keywords')) end,
             d->>'workplace', d->>'jobTitle', d->>'phone', d->>'email', d->>'nationalId',
             d->>'provinceCode', r.name_key, ${importId}
      from import_row r, lateral (select r.data as d) x
      where r.import_id = ${importId} and r.row_number > ${from} and r.row_number <= ${to}
        and r.decision = 'create' and r.status <> 'error'`.execute(tx);
    const joins = (person: RawBuilder<unknown>, which: RawBuilder<unknown>) =>
      sql`
      insert into membership_event (organization_id, person_id, kind, effective_date, note, import_id)
      select ${organizationId}, ${person}, 'join', (r.data->>'joinedOn')::date, r.data->>'note',
             ${importId}
      from import_row r
      where r.import_id = ${importId} and r.row_number > ${from} and r.row_number <= ${to}
        and r.status <> 'error' and ${which}`.execute(tx);
    const created = await joins(sql`r.new_person_id`, sql`r.decision = 'create'`);
    // Batches are written concurrently, and two rows of a file may link the same person: the
    // links of one batch wait for those of the other, so that each sees whether the person has
    // just been made a member (the lock lasts until the batch's transaction ends).
    await sql`select pg_advisory_xact_lock(hashtextextended(${importId}::text, 0))`.execute(tx);
    const linked = await joins(
      sql`r.match_person_id`,
      sql`r.decision = 'link'
        and exists (select 1 from person p where p.id = r.match_person_id)
        and not exists (select 1 from membership_event d
                        where d.person_id = r.match_person_id and d.kind = 'deceased')
        and coalesce((select e.kind from membership_event e
                      where e.person_id = r.match_person_id and e.organization_id = ${organizationId}
                      order by e.effective_date desc, e.created_at desc limit 1)
                     not in ('join', 'renew', 'suspend', 'transfer'), true)`,
    );
    const events = Number(created.numAffectedRows ?? 0) + Number(linked.numAffectedRows ?? 0);
    return {
      people: Number(people.numAffectedRows ?? 0),
      events,
    };
  },

  /**
   * Removes what the import wrote: its membership events, then the people it created who have
   * nothing else (a person given another membership or a position since is kept, detached).
   */
  async undo(
    tx: Executor,
    importId: string,
  ): Promise<{ events: number; people: number; kept: number }> {
    const events = await tx
      .deleteFrom('membership_event')
      .where('import_id', '=', importId)
      .executeTakeFirst();
    const people = await sql`
      delete from person p where p.import_id = ${importId}
        and not exists (select 1 from membership_event e where e.person_id = p.id)
        and not exists (select 1 from position s where s.person_id = p.id)`.execute(tx);
    const kept = await tx
      .updateTable('person')
      .set({ import_id: null })
      .where('import_id', '=', importId)
      .executeTakeFirst();
    return {
      events: Number(events.numDeletedRows),
      people: Number(people.numAffectedRows ?? 0),
      kept: Number(kept.numUpdatedRows),
    };
  },

  /**
   * Readable organisations whose folded name is one of `keys` (and, with `similar`, those whose
   * names contain something close to a key: `<%`, pg_trgm's word similarity), and any whose code
   * is one of `codes`.
   */
  async organizationCandidates(
    db: Executor,
    scope: Scope,
    keys: readonly string[],
    codes: readonly string[],
    similar: boolean,
  ): Promise<OrganizationCandidate[]> {
    if (keys.length === 0 && codes.length === 0) return [];
    const readable = readablePredicate(scope, sql.ref<string>('o.id'));
    const columns = sql`o.id, o.code, o.kind, o.full_name, o.founded_on, o.ended_on,
      l.parent_id, p.full_name as parent_name`;
    const parent = sql`left join organization_parent l
        on l.organization_id = o.id and l.valid_from <= current_date and l.valid_to > current_date
      left join organization p on p.id = l.parent_id`;
    const exact = await sql<OrganizationCandidate>`
      select k.key, ${columns}, true as exact, false as by_code
      from unnest(${sql.val(keys)}::text[]) as k(key)
      join organization o on vn_fold(o.full_name) = k.key
      ${parent}
      where ${readable}
      union all
      select c.code as key, ${columns}, false as exact, true as by_code
      from unnest(${sql.val(codes)}::text[]) as c(code)
      join organization o on o.code = c.code
      ${parent}
      where ${readable}`.execute(db);
    if (!similar || keys.length === 0) return exact.rows;
    const near = await sql<OrganizationCandidate>`
      select k.key, o.*
      from unnest(${sql.val(keys)}::text[]) as k(key)
      cross join lateral (
        select ${columns}, false as exact, false as by_code
        from organization o ${parent}
        where k.key <% o.search_text and vn_fold(o.full_name) <> k.key and ${readable}
        order by word_similarity(k.key, o.search_text) desc
        limit 3) o`.execute(db);
    return [...exact.rows, ...near.rows];
  },

  /** Of these codes, those some organisation has (readable or not: codes are unique). */
  async codesInUse(db: Executor, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const r = await db
      .selectFrom('organization')
      .select('code')
      .where('code', 'in', codes)
      .execute();
    return new Set(r.map((x) => x.code));
  },

  /** The rows numbered (from, to] the commit writes (taken, without errors), in order. */
  async rowsToWrite(db: Executor, importId: string, from: number, to: number) {
    return db
      .selectFrom('import_row')
      .selectAll()
      .where('import_id', '=', importId)
      .where('row_number', '>', from)
      .where('row_number', '<=', to)
      .where('status', '<>', 'error')
      .where('decision', 'in', ['create', 'link'])
      .orderBy('row_number')
      .execute();
  },

  async markImported(tx: Executor, organizationId: string, importId: string): Promise<void> {
    await tx
      .updateTable('organization')
      .set({ import_id: importId })
      .where('id', '=', organizationId)
      .execute();
  },

  /**
   * For each of these organisations: its status as a collective member of the host on `at` and
   * the date of its latest event there (events are recorded in date order).
   */
  async collectiveStanding(
    db: Executor,
    hostId: string,
    ids: readonly string[],
    at: string,
  ): Promise<Map<string, { status: MembershipStatus | null; latest: string | null }>> {
    const out = new Map<string, { status: MembershipStatus | null; latest: string | null }>();
    if (ids.length === 0) return out;
    const [statuses, latest] = await Promise.all([
      collectiveStatusesAt(db, at)
        .where('e.organization_id', '=', hostId)
        .where('e.member_organization_id', 'in', ids)
        .execute(),
      db
        .selectFrom('membership_event')
        .select(['member_organization_id', (eb) => eb.fn.max('effective_date').as('d')])
        .where('organization_id', '=', hostId)
        .where('member_organization_id', 'in', ids)
        .groupBy('member_organization_id')
        .execute(),
    ]);
    for (const id of ids) out.set(id, { status: null, latest: null });
    for (const s of statuses) out.get(s.member_organization_id)!.status = s.status;
    for (const l of latest) {
      if (l.member_organization_id) out.get(l.member_organization_id)!.latest = l.d;
    }
    return out;
  },

  async insertJoinEvent(
    tx: Executor,
    v: {
      hostId: string;
      memberId: string;
      effectiveDate: string;
      note: string | null;
      importId: string;
    },
  ): Promise<void> {
    await tx
      .insertInto('membership_event')
      .values({
        organization_id: v.hostId,
        member_organization_id: v.memberId,
        kind: 'join',
        effective_date: v.effectiveDate,
        note: v.note,
        import_id: v.importId,
      })
      .execute();
  },

  /** Deletes the membership events an import wrote. */
  async deleteEvents(tx: Executor, importId: string): Promise<number> {
    const r = await tx
      .deleteFrom('membership_event')
      .where('import_id', '=', importId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /**
   * Deletes the organisations an import created that nothing refers to yet (no unit below, no
   * membership or position, no lineage event, no right, no import); the others are kept and
   * detached from the import. Their names, parent link and closure rows go with them.
   */
  async undoOrganizations(
    tx: Executor,
    importId: string,
  ): Promise<{ removed: number; kept: number }> {
    const removed = await sql`
      delete from organization o where o.import_id = ${importId}
        and not exists (select 1 from organization_parent l where l.parent_id = o.id)
        and not exists (select 1 from membership_event e
                        where e.organization_id = o.id or e.member_organization_id = o.id)
        and not exists (select 1 from position s where s.organization_id = o.id)
        and not exists (select 1 from lineage_participant lp where lp.organization_id = o.id)
        and not exists (select 1 from organization_successor os
                        where os.predecessor_id = o.id or os.successor_id = o.id)
        and not exists (select 1 from role_assignment r where r.organization_id = o.id)
        and not exists (select 1 from import_batch b where b.organization_id = o.id)
        and not exists (select 1 from import_mapping m where m.organization_id = o.id)`.execute(tx);
    const kept = await tx
      .updateTable('organization')
      .set({ import_id: null })
      .where('import_id', '=', importId)
      .executeTakeFirst();
    return { removed: Number(removed.numAffectedRows ?? 0), kept: Number(kept.numUpdatedRows) };
  },

  async deleteRows(tx: Executor, importId: string): Promise<void> {
    await tx.deleteFrom('import_row').where('import_id', '=', importId).execute();
  },
};
