import { type Kysely, sql } from "kysely";

/**
 * A province also scores its departments (sở, ban, ngành): bodies of the province, not units. An evaluation
 * names the body it scores (none for a commune or a district), and a scheme may enrol the departments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table evaluation add column body_id integer references body (id)`.execute(db);
  await sql`alter table evaluation drop constraint if exists evaluation_scheme_id_unit_code_key`.execute(db);
  await sql`
    alter table evaluation
      add constraint evaluation_target_key unique nulls not distinct (scheme_id, unit_code, body_id)`.execute(
    db,
  );
  await sql`
    alter table evaluation_scheme
      drop constraint if exists evaluation_scheme_enrols_check,
      add constraint evaluation_scheme_enrols_check check (enrols in ('commune', 'district', 'department'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table evaluation_scheme
      drop constraint if exists evaluation_scheme_enrols_check,
      add constraint evaluation_scheme_enrols_check check (enrols in ('commune', 'district'))`.execute(db);
  await sql`alter table evaluation drop constraint if exists evaluation_target_key`.execute(db);
  await sql`alter table evaluation drop column if exists body_id`.execute(db);
  await sql`alter table evaluation add constraint evaluation_scheme_id_unit_code_key unique (scheme_id, unit_code)`.execute(
    db,
  );
}
