import { type Kysely, sql } from "kysely";

/** The indicator catalogue (chỉ tiêu): built-ins are inserted at start-up, admins add their own. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator (
      code text primary key check (code ~ '^[A-Z][A-Z0-9_]{2,63}$'),
      name_vi text not null,
      name_en text not null,
      type text not null check (type in ('integer', 'decimal', 'percentage', 'text')),
      unit_of_measure text not null default '',
      aggregation text not null
        check (aggregation in ('sum', 'average', 'weighted_average', 'min', 'max', 'latest', 'none')),
      categories jsonb not null default '{}',
      description text not null default '',
      built_in boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists indicator`.execute(db);
}
