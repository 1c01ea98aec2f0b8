import { type Kysely, sql } from "kysely";

/**
 * Implementation tracking: a plan (kế hoạch, or the resolution it carries out, linked to the
 * registry) breaks into a tree of tasks (nhiệm vụ) assigned to units with deadlines, statuses and weights;
 * tasks have dated milestones with evidence (a registered document or a report). A plan may be shown on a
 * public page (off by default) reached by an unguessable token.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan (
      id serial primary key,
      unit_code text not null,
      province_code text not null,
      title text not null,
      registry_document_id bigint references registry_document (id),
      public_token text unique,
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index plan_unit_idx on plan (unit_code)`.execute(db);
  await sql`
    create table plan_task (
      id serial primary key,
      plan_id integer not null references plan (id),
      parent_id integer references plan_task (id),
      province_code text not null,
      title text not null,
      assignee_unit_code text not null,
      assignee_path text[] not null,
      due_on date not null,
      weight numeric not null default 1 check (weight >= 0),
      status text not null default 'not_started'
        check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      progress integer check (progress between 0 and 100),
      note text not null default '',
      version integer not null default 1,
      updated_by integer references app_user (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index plan_task_plan_idx on plan_task (plan_id)`.execute(db);
  await sql`create index plan_task_assignee_idx on plan_task (assignee_unit_code, due_on)`.execute(db);
  await sql`
    create table plan_milestone (
      id serial primary key,
      task_id integer not null references plan_task (id),
      province_code text not null,
      title text not null,
      due_on date not null,
      done_on date,
      evidence_document_id bigint references registry_document (id),
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index plan_milestone_task_idx on plan_milestone (task_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["plan_milestone", "plan_task", "plan"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
