/**
 * Driver adapter for the Prisma CLI only (prisma.config.ts, `engine: "js"`): it lets the
 * WebAssembly schema engine run migrations through `pg`. The application never imports it.
 *
 * @prisma/adapter-pg 6.19.3 is built for the query engine; driven by the schema engine it has
 * four defects, each worked around below by wrapping the stock PrismaPg rather than copying it.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
// pg's own connection-string parser (a dependency of pg), so the fields match what pg itself
// would derive from the URL (sslmode, socket hosts, ...).
import { parseIntoClientConfig } from "pg-connection-string";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;
type SqlQuery = Parameters<PgAdapter["queryRaw"]>[0];
type ColumnType = Awaited<ReturnType<PgAdapter["queryRaw"]>>["columnTypes"][number];

const PG_CHAR_OID = 18; // "char", the one-byte type of catalog columns such as pg_constraint.contype
const PG_NAME_OID = 19; // name, the type of catalog identifiers
const PG_TEXT_OID = 25;
/** `ColumnTypeEnum.Character` of @prisma/driver-adapter-utils. */
const CHARACTER_COLUMN: ColumnType = 6;

/** The private method of adapter-pg's queryables that runs a query and returns pg's result. */
type PerformIO = (query: SqlQuery) => Promise<pg.QueryResult | pg.QueryResult[]>;

/**
 * Fix 1: the schema engine reads catalog columns of type "char" and name, which adapter-pg
 * rejects ("Column type 'char' could not be deserialized", prisma/orm#27403). Its column-type
 * mapping is not exported, so the OIDs are rewritten to text in pg's result before the mapping
 * sees them, and "char" columns are then reported as Character: the engine decodes constraint
 * and index kinds from them and panics if they come back as text. (pg has already parsed the
 * values with the original OIDs; both arrive as plain strings.)
 */
function acceptCatalogTypes(queryable: PgAdapter | PgTransaction): void {
  const internals = queryable as unknown as { performIO?: PerformIO };
  const performIO = internals.performIO;
  if (typeof performIO !== "function") {
    throw new Error("@prisma/adapter-pg no longer has performIO(); revisit prisma/migration-adapter.ts");
  }
  // Keyed by the query object, which queryRaw hands unchanged to performIO.
  const charColumns = new WeakMap<SqlQuery, number[]>();

  internals.performIO = async (query) => {
    const result = await performIO.call(queryable, query);
    if (Array.isArray(result)) return result; // a multi-statement script: no rows to type
    const chars: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) chars.push(index);
      if (field.dataTypeID === PG_CHAR_OID || field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
    });
    if (chars.length > 0) charColumns.set(query, chars);
    return result;
  };

  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) resultSet.columnTypes[index] = CHARACTER_COLUMN;
    return resultSet;
  };
}

/** Applies the per-connection fixes (1 and 2) to an adapter and the transactions it opens. */
function fixAdapter(adapter: PgAdapter): PgAdapter {
  acceptCatalogTypes(adapter);

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    acceptCatalogTypes(transaction);
    return transaction;
  };

  // Fix 2: executeScript splits the migration on every ";", which cuts `$$ ... $$` function
  // bodies apart and applies the pieces one by one. Without parameters pg sends the whole file
  // as one simple-protocol query, which PostgreSQL runs as a single implicit transaction, as
  // the native schema engine does; executeRaw also maps errors the way the engine expects.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };

  return adapter;
}

/**
 * PrismaPg for the schema engine (prisma.config.ts `adapter`). Takes the database URL and
 * connects with discrete host/port/user/password/database fields (see fix 3).
 */
export class PrismaPgMigrations extends PrismaPg {
  private readonly poolConfig: pg.PoolConfig;

  constructor(databaseUrl: string) {
    const poolConfig: pg.PoolConfig = {
      ...parseIntoClientConfig(databaseUrl),
      // The CLI does not close every pool it opens; without these each command would wait out
      // pg's 10 s idle timeout before exiting. (migrate deploy/dev/reset still linger ~10 s for
      // another reason: the WebAssembly engine never clears its advisory-lock timeout timer.)
      allowExitOnIdle: true,
      idleTimeoutMillis: 0,
    };
    super(poolConfig);
    this.poolConfig = poolConfig;
  }

  override async connect(): Promise<PgAdapter> {
    return fixAdapter(await super.connect());
  }

  /**
   * Creates a throwaway shadow database (the role needs CREATEDB) and connects to it.
   *
   * Fix 3: the stock version opens the shadow pool with `{ ...config, database }`, but given a
   * `connectionString` pg lets the string win over `database`, so the "shadow" pool is silently
   * the main database. This class never passes a connection string, so `database` applies.
   *
   * Fix 4: the stock version drops the shadow database before closing the pool connected to
   * it, which fails ("being accessed by other users"). Here the pool is closed first.
   */
  override async connectToShadowDb(): Promise<PgAdapter> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const dropShadowDb = () => main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
    let shadow: PgAdapter;
    try {
      await main.executeScript(`CREATE DATABASE "${database}"`);
      shadow = await new PrismaPg({ ...this.poolConfig, database }).connect();
    } catch (error) {
      // Best-effort cleanup; the original error is the one worth reporting.
      await dropShadowDb()
        .catch(() => undefined)
        .finally(() => main.dispose());
      throw error;
    }

    const closeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await closeShadowPool();
        await dropShadowDb();
      } finally {
        await main.dispose();
      }
    };
    return fixAdapter(shadow);
  }
}
