/**
 * Backups that restore, with no tool to install: every table of the database copied out (PostgreSQL's COPY,
 * text format, through pg-copy-streams) inside one repeatable-read transaction — a consistent snapshot while
 * the server goes on writing — with the sequences' values and the list of migrations applied, in one gzip file.
 * A restore builds the schema by danvan's own migrations (up to the backup's last one), copies every row back,
 * sets the sequences, then applies any newer migration. Works the same on the embedded server and on any
 * PostgreSQL ≥ 15 (Debian's pg_dump 15 refuses the embedded 17).
 *
 * The file: a JSON header line, then per table `table <name> <columns>` followed by its COPY data and the
 * line `\.` (PostgreSQL's own end-of-data marker: a data line never is `\.`, since COPY writes a backslash as
 * `\\`), then `end`.
 * @module
 */
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { Database } from "./database.ts";
import { MIGRATIONS } from "./migrations/index.ts";

export const BACKUP_FORMAT = "danvan-backup-1";

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  sequences: { name: string; value: string; isCalled: boolean }[];
  tables: { name: string; columns: string[] }[];
}

/** A backup or restore refused, in one sentence (both languages). */
export class BackupError extends Error {}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Kysely's own bookkeeping: the migration lock is not data. */
const SKIPPED = new Set(["kysely_migration_lock"]);

async function tablesOf(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const r = await client.query<{ name: string; columns: string[] }>(`
    select c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relkind in ('r', 'p')
    group by c.relname
    order by c.relname`);
  return r.rows.filter((t) => !SKIPPED.has(t.name));
}

/** Writes a consistent backup of the database at `url` to `file`; returns its tables and rows. */
export async function writeBackup(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  let rows = 0;
  try {
    await client.query("begin isolation level repeatable read read only");
    const tables = await tablesOf(client);
    const migrations = (
      await client.query<{ name: string }>("select name from kysely_migration order by name")
    ).rows.map((r) => r.name);
    // read inside the snapshot's transaction, after it began: never behind the rows copied
    const sequences = (
      await client.query<{ name: string; value: string; isCalled: boolean }>(`
        select sequencename as name, coalesce(last_value, start_value)::text as value, last_value is not null as "isCalled"
        from pg_sequences where schemaname = 'public' order by sequencename`)
    ).rows;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations,
      sequences,
      tables,
    };
    const gzip = createGzip();
    const out = createWriteStream(partial, { mode: 0o600 });
    const written = pipeline(gzip, out);
    const write = (s: string | Buffer) =>
      gzip.write(s) ? Promise.resolve() : new Promise<void>((r) => gzip.once("drain", () => r()));
    await write(`${JSON.stringify(header)}\n`);
    for (const t of tables) {
      await write(`table ${t.name} ${t.columns.join(",")}\n`);
      const stream = client.query(
        copyTo(`copy ${ident(t.name)} (${t.columns.map(ident).join(", ")}) to stdout`),
      );
      for await (const chunk of stream as AsyncIterable<Buffer>) await write(chunk);
      rows += stream.rowCount;
      await write("\\.\n");
    }
    await write("end\n");
    gzip.end();
    await written;
    await client.query("commit");
    await fs.rename(partial, file);
    return { tables: tables.length, rows };
  } catch (err) {
    await fs.rm(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

/** True when the database at `url` holds no table of its own (a restore may go there). */
export async function isEmptyDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query("select 1 from pg_tables where schemaname = 'public' limit 1");
    return r.rowCount === 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the empty database at `url`: the schema by the migrations (to the backup's last),
 * every row, the sequences, then the newer migrations. Returns its tables and rows.
 */
export async function restoreBackup(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    if (r.done) throw new BackupError("Tệp sao lưu bị cắt cụt / The backup file is truncated");
    return r.value;
  };
  let header: BackupHeader;
  try {
    header = JSON.parse(await next()) as BackupHeader;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError("Không phải tệp sao lưu của danvan / Not a danvan backup file");
  }
  if (header.format !== BACKUP_FORMAT)
    throw new BackupError("Không phải tệp sao lưu của danvan / Not a danvan backup file");
  const known = Object.keys(MIGRATIONS);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new BackupError(
      `Bản sao lưu của phiên bản danvan mới hơn (${unknown[0]}); hãy cập nhật danvan rồi khôi phục / The backup is from a newer danvan (${unknown[0]}): update danvan, then restore`,
    );
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const client = new pg.Client({ connectionString: url });
  let rows = 0;
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    const last = header.migrations[header.migrations.length - 1];
    if (last) {
      const { error } = await migrator.migrateTo(last);
      if (error) throw error;
    }
    await client.connect();
    await client.query("begin");
    // the rows go in as they were: no trigger (revision counters, notifications) and no foreign-key check
    // fires while tables are filled in an order of their own
    await client.query("set local session_replication_role = replica");
    for (const t of header.tables) await client.query(`truncate ${ident(t.name)} cascade`);
    for (;;) {
      const line = await next();
      if (line === "end") break;
      const m = /^table (\S+) (\S*)$/.exec(line);
      if (!m) throw new BackupError("Tệp sao lưu bị hỏng / The backup file is damaged");
      const [, name = "", cols = ""] = m;
      const columns = cols.split(",").filter(Boolean);
      const sink = client.query(
        copyFrom(`copy ${ident(name)} (${columns.map(ident).join(", ")}) from stdin`),
      );
      const done = new Promise<void>((resolve, reject) => {
        sink.on("finish", () => resolve());
        sink.on("error", reject);
      });
      for (;;) {
        const data = await next();
        if (data === "\\.") break;
        if (!sink.write(`${data}\n`)) await new Promise<void>((r) => sink.once("drain", () => r()));
      }
      sink.end();
      await done;
      rows += sink.rowCount;
    }
    for (const s of header.sequences) {
      await client.query("select setval($1::regclass, $2::bigint, $3)", [ident(s.name), s.value, s.isCalled]);
    }
    await client.query("commit");
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    return { tables: header.tables.length, rows };
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    lines.close();
    await client.end().catch(() => undefined);
    await db.destroy();
  }
}
