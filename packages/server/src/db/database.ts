import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated.js';

// Dates are calendar dates in Vietnam, not instants: keep them as 'yyyy-mm-dd' strings
// (PostgreSQL's 'infinity' included) so no time zone can shift them.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts fit comfortably in a double for any realistic tree
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the pool or a transaction: repositories accept both so services decide the boundary. */
export type Executor = Kysely<DB> | Transaction<DB>;

export const APP_ROLE = 'lienhiep_app';

/**
 * A Kysely over a pg pool. With `role`, every connection first switches to that role, so the
 * application holds only its grants (for instance, no UPDATE or DELETE on the audit trail),
 * whatever the login role may do.
 */
export function createDatabase(url: string, max = 10, role?: string): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'lienhiep' });
  // An idle connection dropped by the server (restart, shutdown) must not bring the process down;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) =>
    console.error(`[lienhiep] kết nối cơ sở dữ liệu bị ngắt: ${err.message}`),
  );
  if (role) {
    pool.on('connect', (client) => {
      client
        .query(`set role ${role}`)
        .catch((err: unknown) => console.error('[lienhiep] set role failed', err));
    });
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Database, pg.Pool>();

/** The pool behind a Database, for what Kysely cannot express: COPY streams. */
export function poolOf(db: Database): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: not a database made by createDatabase');
  return pool;
}
