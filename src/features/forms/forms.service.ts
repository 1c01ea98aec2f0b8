/** Report forms: everyone reads them; system admins add forms and new versions (old versions stay). @module */
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import { type Auth, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, ReportFormRow } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { BUILT_IN_FORMS, checkForm, type FormDefinition } from "../../domain/report-forms.ts";
import { errors } from "../../errors.ts";
import { catalogue as indicatorCatalogue } from "../indicators/catalogue.ts";
import * as repo from "./forms.repository.ts";

type Db = Kysely<Database>;

export function toFormDto(r: ReportFormRow) {
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    description: r.description,
    levels: r.levels,
    sections: r.sections,
    rules: r.rules,
    outlierPercent: r.outlier_percent,
    builtIn: r.built_in,
  };
}
export type FormDto = ReturnType<typeof toFormDto>;

/** At start-up: the shipped forms whose revision this database does not have yet, each as a new version. */
export async function ensureBuiltInForms(db: Db): Promise<number> {
  return repo.installShippedForms(db, BUILT_IN_FORMS);
}

export async function listForms(db: Db, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  const rows = await repo.listForms(db);
  const latest = new Map<string, ReportFormRow>();
  for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
  return {
    items: [...latest.values()].map(toFormDto),
    versions: rows.map((r) => ({ id: r.id, code: r.code, version: r.version })),
  };
}

declare module "../../db/kept.ts" {
  interface Kept {
    /** Form versions by id: a stored version never changes (a change is a new version), so nothing stales it. */
    formVersions: LRUCache<number, ReportFormRow>;
  }
}

/** The kept form versions: the 1,000 read last. */
export function keepFormVersions(): Kept["formVersions"] {
  return new LRUCache({ max: 1000 });
}

export async function requireForm(db: Db, kept: Kept, id: number): Promise<ReportFormRow> {
  const cached = kept.formVersions.get(id);
  if (cached) return cached;
  const f = await repo.findForm(db, id);
  if (!f) throw errors.notFound("biểu mẫu / form", String(id));
  kept.formVersions.set(id, f);
  return f;
}

/** The latest version of a form code (one index lookup; the version itself is read once, see requireForm). */
export async function requireLatestForm(db: Db, kept: Kept, code: string): Promise<ReportFormRow> {
  const id = await repo.latestFormId(db, code);
  if (id === undefined) throw errors.notFound("biểu mẫu / form", code);
  return requireForm(db, kept, id);
}

export async function getForm(db: Db, kept: Kept, auth: Auth | null, id: number) {
  requirePermission(auth, "unit.read");
  return toFormDto(await requireForm(db, kept, id));
}

/** A new form (version 1) or the next version of an existing code; checked against the catalogue. */
export async function saveFormVersion(db: Db, kept: Kept, auth: Auth | null, input: FormDefinition) {
  const a = requirePermission(auth, "form.manage");
  const catalogue = new Map(
    (await indicatorCatalogue(db, kept)).map((i) => [i.code, { ...i, weightCode: i.weight_code }]),
  );
  const problems = checkForm(input, catalogue);
  if (problems.length > 0) throw errors.validation(problems);
  return db.transaction().execute(async (trx) => {
    const version = (await repo.latestVersion(trx, input.code)) + 1;
    const row = await repo.insertFormVersion(trx, input, version, a.userId);
    if (!row) throw errors.stale(version);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "form.save",
      entity: "report_form",
      entityId: `${row.code}@${row.version}`,
      unitCode: null,
      scope: [],
      before: null,
      after: toFormDto(row),
    });
    return toFormDto(row);
  });
}
