import { type Kysely, sql } from "kysely";

/**
 * Official documents, part 2: the registry of documents a unit receives and issues (Nghị quyết,
 * Chỉ thị, Kết luận, Quyết định, Kế hoạch, Chương trình, Hướng dẫn, Công văn, Báo cáo…), their attachments and
 * the relations between them (a plan implements a resolution, a report reports on a plan at the request of a
 * công văn). `search` holds the number, excerpt and text folded (no diacritics, đ → d, lower case) for
 * accent-insensitive full-text search without extensions, `symbol_key` the folded number-symbol for exact
 * look-up; big, so it carries the province code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_document (
      id bigserial primary key,
      unit_code text not null,
      province_code text not null,
      direction text not null check (direction in ('incoming', 'outgoing')),
      type_code text,
      number_symbol text not null default '',
      symbol_key text not null default '',
      issuer_name text not null,
      issued_on date not null,
      excerpt text not null,
      body_text text not null default '',
      document_number_id bigint references document_number (id),
      search tsvector not null,
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_document_search_idx on registry_document using gin (search)`.execute(db);
  await sql`create index registry_document_unit_idx on registry_document (unit_code, issued_on desc, id desc)`.execute(
    db,
  );
  // a number-symbol typed in the search box is looked up exactly
  await sql`create index registry_document_symbol_idx on registry_document (symbol_key, issued_on desc)`.execute(
    db,
  );
  // newest first within a unit, a province, or everywhere: common search words walk these, rare ones the GIN
  await sql`
    create index registry_document_province_idx on registry_document (province_code, issued_on desc, id desc)`.execute(
    db,
  );
  await sql`create index registry_document_date_idx on registry_document (issued_on desc, id desc)`.execute(
    db,
  );
  await sql`
    create table registry_relation (
      from_id bigint not null references registry_document (id) on delete cascade,
      to_id bigint not null references registry_document (id) on delete cascade,
      kind text not null check (kind in ('implements', 'replaces', 'amends', 'guides', 'reports_on', 'requested_by')),
      province_code text not null,
      created_at timestamptz not null default now(),
      primary key (from_id, to_id, kind),
      check (from_id <> to_id)
    )`.execute(db);
  await sql`create index registry_relation_to_idx on registry_relation (to_id)`.execute(db);
  await sql`
    create table registry_attachment (
      id bigserial primary key,
      document_id bigint not null references registry_document (id) on delete cascade,
      province_code text not null,
      filename text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      content bytea not null,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_attachment_document_idx on registry_attachment (document_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["registry_attachment", "registry_relation", "registry_document"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
