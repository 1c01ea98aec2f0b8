import { type Kysely, sql } from "kysely";

/**
 * Who may ask whom for a report (src/domain/ask-rules.ts): each rule dated, so that one is ended from a date
 * on rather than deleted. The shipped rules are added at start-up when missing (bodies/ask-rules.service.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ask_rule (
      id bigint generated always as identity primary key,
      issuer_kind text not null check (length(issuer_kind) between 1 and 60),
      target_kind text not null check (length(target_kind) between 1 and 60),
      relation text not null check (relation in ('same', 'below')),
      valid_from date not null,
      valid_to date check (valid_to is null or valid_to >= valid_from),
      source text not null default '' check (length(source) <= 300),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (issuer_kind, target_kind, relation, valid_from)
    )`.execute(db);
  await sql`create index ask_rule_issuer on ask_rule (issuer_kind)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ask_rule`.execute(db);
}
