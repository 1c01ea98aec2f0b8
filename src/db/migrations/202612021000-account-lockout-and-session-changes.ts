import { type Kysely, sql } from "kysely";

/**
 * Failed logins are counted per account (domain/login-lockout.ts), not per address: a commune office shares
 * one address. Sessions remember when they were last used (the idle timeout). And every change that ends or
 * narrows a user's sessions (a password set, a deactivation, a grant added, changed or removed, a session
 * deleted) is announced on the channel `auth_change` with the user's id, so every server drops what it keeps
 * of that user's sessions at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table app_user
      add column failed_logins integer not null default 0 check (failed_logins >= 0),
      add column last_failed_login_at timestamptz,
      add column locked_until timestamptz`.execute(db);
  await sql`alter table user_session add column last_seen_at timestamptz not null default now()`.execute(db);
  await sql`
    create function auth_change_notify() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'app_user' then
        if new.password_hash is distinct from old.password_hash or new.is_active is distinct from old.is_active
           or new.username is distinct from old.username or new.display_name is distinct from old.display_name then
          perform pg_notify('auth_change', new.id::text);
        end if;
        return null;
      end if;
      if tg_op = 'DELETE' then
        perform pg_notify('auth_change', old.user_id::text);
      else
        perform pg_notify('auth_change', new.user_id::text);
        if tg_op = 'UPDATE' and old.user_id <> new.user_id then
          perform pg_notify('auth_change', old.user_id::text);
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger auth_change_notify after update on app_user
    for each row execute function auth_change_notify()`.execute(db);
  await sql`
    create trigger auth_change_notify after insert or update or delete on user_grant
    for each row execute function auth_change_notify()`.execute(db);
  await sql`
    create trigger auth_change_notify after delete on user_session
    for each row execute function auth_change_notify()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["app_user", "user_grant", "user_session"]) {
    await sql`drop trigger if exists auth_change_notify on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists auth_change_notify()`.execute(db);
  await sql`alter table user_session drop column if exists last_seen_at`.execute(db);
  await sql`
    alter table app_user drop column if exists failed_logins, drop column if exists last_failed_login_at,
      drop column if exists locked_until`.execute(db);
}
