import { type Kysely, sql } from "kysely";

/**
 * Official documents, part 1: document types as data, Party committee terms, and the numbering
 * registry (sổ đăng ký văn bản đi): one row per sequence, raised under its row lock in the same transaction
 * that records the number, so numbers are handed out without gaps and never reused; a cancelled number stays,
 * marked cancelled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_type (
      family text not null check (family in ('state', 'party')),
      code text not null check (code ~ '^[A-ZĐ][A-Za-zĐđ0-9]*$'),
      name_vi text not null,
      name_en text not null,
      normative boolean not null default false,
      built_in boolean not null default false,
      primary key (family, code)
    )`.execute(db);
  await sql`
    create table party_term (
      id serial primary key,
      body_id integer not null references body (id),
      name text not null,
      starts_on date not null,
      ends_on date,
      check (ends_on is null or ends_on >= starts_on),
      unique (body_id, starts_on)
    )`.execute(db);
  await sql`
    create table number_sequence (
      issuer_body_id integer not null references body (id),
      series text not null,
      scope text not null,
      last_number integer not null,
      primary key (issuer_body_id, series, scope)
    )`.execute(db);
  await sql`
    create table document_number (
      id bigserial primary key,
      issuer_body_id integer not null references body (id),
      province_code text not null,
      family text not null check (family in ('state', 'party')),
      type_code text,
      series text not null,
      scope text not null,
      number integer not null check (number > 0),
      symbol text not null,
      issued_on date not null,
      title text not null default '',
      status text not null default 'allocated' check (status in ('allocated', 'cancelled')),
      allocated_by integer not null references app_user (id),
      allocated_at timestamptz not null default now(),
      cancelled_by integer references app_user (id),
      cancelled_at timestamptz,
      cancel_reason text,
      unique (issuer_body_id, series, scope, number)
    )`.execute(db);
  await sql`create index document_number_issuer_idx on document_number (issuer_body_id, issued_on desc, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["document_number", "number_sequence", "party_term", "document_type"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
