/**
 * Reads that may go to a read replica (DATABASE_READ_URL: a PostgreSQL streaming standby). A replica is a
 * little behind its primary; so that nobody misses what they have just saved, a session that wrote is read
 * from the primary until the replica has replayed the primary's WAL up to that write (the primary's
 * `pg_current_wal_lsn()` after the write, compared with the standby's `pg_last_wal_replay_lsn()`). Anyone
 * else may see another person's write a moment late, as with any replica, but never long: every second the
 * replica is asked where its replay is, and a replica that does not answer, or has not replayed what the
 * primary held `maxLagSeconds` ago, is left aside (its reads go to the primary) until it answers in time.
 * @module
 */
import {
  Kysely,
  type PostgresCursor,
  PostgresDialect,
  type PostgresPoolClient,
  type PostgresQueryResult,
  sql,
} from "kysely";
import { LRUCache } from "lru-cache";
import pg from "pg";
import type { Database } from "./database.ts";

type Db = Kysely<Database>;

/** How long a replica that failed to answer is left aside at least. */
const REST_MS = 5_000;
const PROBE_MS = 1_000;

export class ReadRouting {
  /** The primary's WAL position after each session's last write, until the replica has replayed it. */
  private readonly pending = new LRUCache<string, string>({ max: 100_000, ttl: 24 * 60 * 60 * 1000 });
  /** The primary's WAL position, sampled each second, for the lag check. */
  private samples: { at: number; lsn: string }[] = [];
  private restingUntil = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly primary: Db,
    readonly replica: Db | null = null,
    private readonly maxLagSeconds = 30,
  ) {}

  /** Starts checking the replica each second (nothing to do without one). */
  start(): void {
    if (!this.replica || this.timer) return;
    this.timer = setInterval(() => void this.probe(), PROBE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check: the replica answers, and has replayed what the primary held `maxLagSeconds` ago. */
  async probe(): Promise<void> {
    const replica = this.replica;
    if (!replica) return;
    const now = Date.now();
    try {
      const p = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(this.primary);
      this.samples.push({ at: now, lsn: p.rows[0]?.lsn ?? "0/0" });
      const due = this.samples.filter((x) => now - x.at >= this.maxLagSeconds * 1000).at(-1);
      this.samples = this.samples.filter((x) => now - x.at < this.maxLagSeconds * 1000 + 5 * PROBE_MS);
      const r = await sql<{ caught: boolean | null }>`
        select pg_last_wal_replay_lsn() >= ${due?.lsn ?? "0/0"}::pg_lsn as caught`.execute(replica);
      if (!r.rows[0]?.caught) this.rest();
    } catch {
      this.rest();
    }
  }

  /** After a write by a session: its later reads wait for the replica to hold it. */
  async wrote(sessionId: string): Promise<void> {
    if (!this.replica) return;
    try {
      const r = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(this.primary);
      const lsn = r.rows[0]?.lsn;
      if (lsn) this.pending.set(sessionId, lsn);
    } catch {
      // the write's position is unknown: nobody reads the replica for a while rather than miss it
      this.rest();
    }
  }

  /** Where a read of a session (null: no session) goes: the replica when it is there and holds its writes. */
  async forRead(sessionId: string | null): Promise<Db> {
    const replica = this.replica;
    if (!replica || Date.now() < this.restingUntil) return this.primary;
    const lsn = sessionId ? this.pending.get(sessionId) : undefined;
    if (!lsn) return replica;
    try {
      const r = await sql<{ caught: boolean | null }>`
        select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as caught`.execute(replica);
      if (!r.rows[0]?.caught) return this.primary;
      this.pending.delete(sessionId as string);
      return replica;
    } catch {
      this.rest();
      return this.primary;
    }
  }

  /** The replica failed or fell behind: its reads go to the primary for a few seconds. */
  rest(): void {
    this.restingUntil = Date.now() + REST_MS;
  }
}

/** The replica stopped or dropped the connection (as opposed to an error of the query itself). */
function isConnectionFailure(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    ["57P01", "57P02", "57P03", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(e.code ?? "") ||
    /Connection terminated|connection error|not queryable/i.test(e.message ?? "")
  );
}

/**
 * The replica's connections. A connection the replica refuses is taken from the primary instead, and a read
 * whose connection the replica drops is run again on the primary (these are plain reads, never inside a
 * transaction), the replica then left aside: a standby that stops answers no request with an error.
 */
export function openReplica(
  url: string,
  primary: pg.Pool,
  onRefused: () => void,
  poolSize = 20,
): { db: Db; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 2_000 });
  pool.on("error", () => undefined); // idle-client errors (the standby stopping) must not crash the process
  const onPrimary = async (text: string, values: readonly unknown[]) => {
    const client = await primary.connect();
    try {
      return await client.query(text, values as unknown[]);
    } finally {
      client.release();
    }
  };
  const resilient = (client: pg.PoolClient): PostgresPoolClient => {
    let broken = false;
    // a connection the standby ends while it is lent out reports it here, not as an uncaught error
    const onError = () => {
      broken = true;
    };
    client.on("error", onError);
    function query<R>(text: string, values: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    // biome-ignore lint/suspicious/noExplicitAny: one body for Kysely's two overloads (rows of any shape)
    function query(textOrCursor: string | PostgresCursor<any>, values: readonly unknown[] = []): any {
      // a cursor streams from this connection: nothing to run again elsewhere
      if (typeof textOrCursor !== "string") return client.query(textOrCursor as never);
      return client.query(textOrCursor, values as unknown[]).catch((err: unknown) => {
        if (!isConnectionFailure(err)) throw err;
        broken = true;
        onRefused();
        return onPrimary(textOrCursor, values);
      });
    }
    return {
      query,
      release() {
        client.off("error", onError);
        client.release(broken);
      },
    };
  };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: {
        async connect() {
          try {
            return resilient(await pool.connect());
          } catch {
            onRefused();
            return primary.connect();
          }
        },
        end: () => pool.end(),
      },
    }),
  });
  return { db, close: () => db.destroy() };
}
