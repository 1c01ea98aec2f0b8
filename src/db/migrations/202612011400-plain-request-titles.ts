import { type Kysely, sql } from "kysely";

/**
 * Requests named after their form took the form's whole name, with the note in brackets that says how the
 * form was chosen ("Báo cáo … (đề cương Tháp Mười) – Năm 2024"); a report is not named so. The titles that
 * are still the default (the form's name, a dash, the period) lose the note; titles typed by hand are kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update report_request r
    set title = regexp_replace(f.name_vi, '\\s*\\([^()]*\\)\\s*$', '') || substr(r.title, length(f.name_vi) + 1)
    from report_form f
    where f.id = r.form_id and f.name_vi ~ '\\([^()]*\\)\\s*$' and starts_with(r.title, f.name_vi || ' – ')`.execute(
    db,
  );
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  // the note in brackets is the form's, and the form keeps it: nothing to put back
}
