import { type Kysely, sql } from "kysely";

/**
 * The annual "dân vận chính quyền" evaluation. A province's scheme for a year holds its criteria
 * tree, bands and capping rules as data (`scheme`), and the self-scoring window. Each People's Committee of a
 * commune in the province has one evaluation under it: its own scores with evidence, the superior's appraisal
 * and comments, the capping flags, and the result; ranks are written when the scheme is published. Points are
 * hundredths (integers): 97,05 is 9705.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evaluation_scheme (
      id serial primary key,
      province_code text not null,
      year integer not null check (year between 2000 and 2100),
      name text not null,
      source text not null default '',
      example_key text,
      scheme jsonb not null,
      self_from date not null,
      self_until date not null check (self_until >= self_from),
      published_at timestamptz,
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      unique (province_code, year)
    )`.execute(db);
  await sql`
    create table evaluation (
      id serial primary key,
      scheme_id integer not null references evaluation_scheme (id) on delete cascade,
      unit_code text not null,
      unit_path text[] not null,
      province_code text not null,
      in_par_index boolean not null default true,
      ranked boolean not null default true,
      not_ranked_reason text not null default '',
      own_scores jsonb not null default '{}',
      appraised_scores jsonb not null default '{}',
      appraisal_comment text not null default '',
      flags text[] not null default '{}',
      status text not null default 'draft' check (status in ('draft', 'self_submitted', 'appraised')),
      self_submitted_at timestamptz,
      appraised_at timestamptz,
      raw integer,
      score integer,
      band_code text,
      capped_by text,
      rank integer,
      par_rank integer,
      sipas_rank integer,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (scheme_id, unit_code)
    )`.execute(db);
  await sql`create index evaluation_unit_idx on evaluation (unit_code)`.execute(db);
  await sql`create index evaluation_path_idx on evaluation using gin (unit_path)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists evaluation`.execute(db);
  await sql`drop table if exists evaluation_scheme`.execute(db);
}
