import { type Kysely, sql } from "kysely";

/**
 * Citizens' letters (đơn thư): complaints, denunciations and petitions, from intake to resolution.
 * - `letter`: one case, kept by the body that handles it (`body_id`, at `unit_code`), with its registration code
 *   and the hash of the secret the citizen tracks it with; its kind, channel, classification and flags; its
 *   state and the days its two clocks fall due (`legal_due`: the law's, recomputed at each step; `step_due`: the
 *   body's own, for reminders and escalation), so "due soon or overdue" is an indexed range. `person_key` is a
 *   keyed hash of the letter writer's name as typed without accents, to find repeated letters without reading
 *   any name; `sender_name` is kept in clear for complaints and petitions only: a denouncer's identity is never
 *   stored in clear (Luật Tố cáo 2018, Art. 9).
 * - `letter_identity`: the writer's identity (name, address, contacts, ID number) sealed with AES-256-GCM under
 *   a key kept outside the database; `key_id` names the key it was sealed with.
 * - `letter_event`: every step (accepted, extended, suspended, resumed, withdrawn, resolved, transferred …) with
 *   its day, its days (an extension), its numbered document and its author.
 * - `letter_link`: letters found to be the same person's same content, a repeat, or a second round, linked,
 *   never merged.
 * - `letter_clock_rule`: the administrator's time limits, effective-dated, taking precedence over the law's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table letter (
      id bigserial primary key,
      code text not null unique,
      secret_hash text not null,
      unit_code text not null,
      unit_path text[] not null,
      province_code text not null,
      body_id integer not null references body (id),
      kind text not null check (kind in ('complaint', 'denunciation', 'petition')),
      channel text not null check (channel in ('session', 'post', 'hotline', 'online', 'transfer', 'direct')),
      received_on date not null,
      subject text not null,
      content text not null default '',
      field text not null default 'other',
      sender_name text,
      person_key text not null,
      content_key text not null,
      anonymous boolean not null default false,
      eligible boolean,
      competent boolean,
      flags text[] not null default '{}',
      crowd_size integer check (crowd_size is null or crowd_size between 1 and 100000),
      complexity text not null default 'normal' check (complexity in ('normal', 'complex', 'particularly_complex')),
      remote boolean not null default false,
      round smallint not null default 1 check (round between 1 and 2),
      status text not null default 'received' check (status in ('received', 'accepted', 'suspended', 'resolved',
        'withdrawn', 'transferred', 'guided', 'returned', 'filed')),
      accepted_on date,
      closed_on date,
      legal_due date,
      step_due date,
      outcome text check (outcome in ('justified', 'unjustified', 'partly_justified', 'withdrawn')),
      session_id bigint,
      transferred_to_body_id integer references body (id),
      from_letter_id bigint references letter (id),
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index letter_path_idx on letter using gin (unit_path)`.execute(db);
  await sql`create index letter_unit_idx on letter (unit_code, received_on desc, id desc)`.execute(db);
  await sql`
    create index letter_open_due_idx on letter (province_code, legal_due)
      where status in ('received', 'accepted', 'suspended')`.execute(db);
  await sql`create index letter_kind_status_idx on letter (kind, status)`.execute(db);
  await sql`create index letter_person_idx on letter (province_code, person_key)`.execute(db);
  await sql`create index letter_body_idx on letter (body_id, id desc)`.execute(db);
  await sql`
    create table letter_identity (
      letter_id bigint primary key references letter (id) on delete cascade,
      key_id text not null,
      sealed bytea not null
    )`.execute(db);
  await sql`
    create table letter_event (
      id bigserial primary key,
      letter_id bigint not null references letter (id) on delete cascade,
      province_code text not null,
      action text not null,
      on_date date not null,
      days integer check (days is null or days between 1 and 365),
      note text not null default '',
      number_id bigint references document_number (id),
      number_symbol text,
      registry_document_id bigint references registry_document (id),
      actor_id integer not null references app_user (id),
      actor_name text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index letter_event_letter_idx on letter_event (letter_id, id)`.execute(db);
  await sql`
    create table letter_link (
      letter_id bigint not null references letter (id) on delete cascade,
      other_id bigint not null references letter (id) on delete cascade,
      kind text not null check (kind in ('same_person_content', 'repeat', 'second_round', 'transfer')),
      created_at timestamptz not null default now(),
      primary key (letter_id, other_id, kind),
      check (letter_id <> other_id)
    )`.execute(db);
  await sql`create index letter_link_other_idx on letter_link (other_id)`.execute(db);
  await sql`
    create table letter_clock_rule (
      key text not null,
      valid_from date not null,
      days integer not null check (days between 1 and 365),
      count text not null check (count in ('calendar', 'working')),
      source text not null,
      confidence text not null check (confidence in ('confirmed', 'partly', 'unconfirmed')),
      updated_by integer not null references app_user (id),
      updated_at timestamptz not null default now(),
      primary key (key, valid_from)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["letter_clock_rule", "letter_link", "letter_event", "letter_identity", "letter"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
