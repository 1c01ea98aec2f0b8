import { type Kysely, sql } from "kysely";

/**
 * Dialogues with the people (đối thoại với Nhân dân; the secretary's or chair's meetings with the people, Quy
 * định 11-QĐi/TW 2019 and NĐ 45/2023 on the heads' dialogues):
 * - `dialogue`: held by a body on a day, chaired by a leader, with how many people took part and the topics they
 *   raised;
 * - `dialogue_commitment`: what the leader committed to at it, who answers for it and by when, and its follow-up
 *   (open, in progress, done with its result, dropped); one that became a plan's task points to it
 *   (`plan_task_id`), and its follow-up is then the task's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dialogue (
      id bigserial primary key,
      unit_code text not null,
      unit_path text[] not null,
      province_code text not null,
      body_id integer not null references body (id),
      held_on date not null,
      kind text not null check (kind in ('dialogue', 'meeting')),
      chaired_by text not null,
      place text not null default '',
      participants integer not null default 0 check (participants between 0 and 100000),
      topics text not null default '',
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dialogue_path_idx on dialogue using gin (unit_path)`.execute(db);
  await sql`
    create table dialogue_commitment (
      id bigserial primary key,
      dialogue_id bigint not null references dialogue (id),
      province_code text not null,
      content text not null,
      owner text not null default '',
      due_on date,
      status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'dropped')),
      result text not null default '',
      plan_task_id integer unique references plan_task (id),
      version integer not null default 1,
      updated_by integer references app_user (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dialogue_commitment_dialogue_idx on dialogue_commitment (dialogue_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists dialogue_commitment`.execute(db);
  await sql`drop table if exists dialogue`.execute(db);
}
