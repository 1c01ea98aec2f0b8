import { type Kysely, sql } from "kysely";

/**
 * The inspectorate (thanh tra) handles citizens' letters and may be granted what no other role holds: reading a
 * denouncer's protected identity (Luật Tố cáo 2018, Art. 9), on the letters of the units its grant covers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table user_grant
      drop constraint if exists user_grant_role_check,
      add constraint user_grant_role_check
        check (role in ('system_admin', 'unit_admin', 'editor', 'approver', 'viewer', 'inspector'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from user_grant where role = 'inspector'`.execute(db);
  await sql`
    alter table user_grant
      drop constraint if exists user_grant_role_check,
      add constraint user_grant_role_check
        check (role in ('system_admin', 'unit_admin', 'editor', 'approver', 'viewer'))`.execute(db);
}
