/**
 * Data exchange for a request's values: DHIS2-compatible dataValueSets in JSON and CSV
 * (dataElement = indicator code, period = the request's period code, orgUnit = unit code,
 * categoryOptionCombo = "default" or "category=option"), with dryRun and DHIS2's import summary, and the value
 * rows that the Excel import reads. A DHIS2 import stores the valid values and reports the others as
 * conflicts; the Excel import is all or nothing. Imported values land in the targets' drafts, checked as if
 * typed, each changed submission getting a new version.
 * @module
 */

import { type Auth, coversPath, requirePermission } from "../../../access/access.ts";
import { appendAudit } from "../../../audit/audit-log.repository.ts";
import type { Db, ReportRequestRow, SubmissionValues } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { checkValue, type IndicatorType } from "../../../domain/indicators.ts";
import { isReceptionOrLetterCode } from "../../../domain/letter-figures.ts";
import { formCombos } from "../../../domain/report-forms.ts";
import { nextStatus } from "../../../domain/submission-workflow.ts";
import { checkRule } from "../../../domain/validation-rules.ts";
import { AppError, errors } from "../../../errors.ts";
import { requireForm } from "../../forms/forms.service.ts";
import { catalogue as indicatorCatalogue } from "../../indicators/catalogue.ts";
import { receptionKeptSince } from "../../reception/reception.service.ts";
import * as requests from "../requests/requests.service.ts";
import * as rollup from "../rollup/rollup.service.ts";
import * as submissions from "../submissions/submissions.service.ts";
import * as exchangeRepository from "./exchange.repository.ts";

export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  value: string;
  comment?: string;
  /** The line or row it came from, for messages (see `locate`). */
  line?: number;
}

export type Field = "period" | "orgUnit" | "dataElement" | "categoryOptionCombo" | "value";
/** Names where a field of a line is, for messages: "line 7", "Số liệu!G7". */
export type Locate = (line: number, field: Field) => string;

export interface Conflict {
  object: string;
  value: string;
  valueVi: string;
  at?: string;
}

export interface ImportSummary {
  status: "SUCCESS" | "WARNING" | "ERROR";
  dryRun: boolean;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: Conflict[];
  /** Validation rules the imported reports break (they stay drafts until fixed). */
  rules: { orgUnit: string; severity: "error" | "warning"; messageVi: string; messageEn: string }[];
}

const DEFAULT_COMBOS = new Set(["", "default", "HllvX50cXC0"]); // DHIS2's default combo name and uid

/** The request, if the user reads it (its issuer's side) or fills at least one of its reports. */
async function requestFor(db: Db, a: Auth, id: number): Promise<ReportRequestRow> {
  const r = await requests.findRequest(db, id);
  if (r && coversPath(a, "unit.read", r.issuer_path, r.issuer_body_id ?? undefined)) return r;
  const fills =
    r &&
    (await exchangeRepository.submissionsWithValues(db, id)).some((s) =>
      coversPath(a, "report.fill", s.rollup_path),
    );
  if (!r || !fills) throw errors.notFoundOrForbidden(String(id));
  return r;
}

/** Applies value rows to a request's submissions. */
export async function importValues(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  requestId: number,
  rows: DataValue[],
  opts: { dryRun: boolean; allOrNothing: boolean; source: string; locate?: Locate },
): Promise<ImportSummary> {
  const a = requirePermission(auth, "report.fill");
  const request = await requestFor(db, a, requestId);
  const form = await requireForm(db, kept, request.form_id);
  const catalogue = new Map((await indicatorCatalogue(db, kept)).map((i) => [i.code, i]));
  const allowed = formCombos(form, (code) => catalogue.get(code)?.categories);
  const subs = new Map(
    (await exchangeRepository.submissionsWithValues(db, requestId)).map((s) => [s.unit_code, s]),
  );
  const conflicts: Conflict[] = [];
  const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  const changed = new Map<number, { sub: exchangeRepository.ExchangeRow; values: SubmissionValues }>();
  const conflict = (row: DataValue, field: Field, en: string, vi: string) => {
    const at = row.line !== undefined && opts.locate ? opts.locate(row.line, field) : undefined;
    conflicts.push({ object: row[field] ?? "", value: en, valueVi: vi, ...(at ? { at } : {}) });
    count.ignored++;
  };
  // per province, whether its reception and letters are kept in danvan for the whole period (read once)
  const keptByProvince = new Map<string, Promise<boolean>>();
  const keptIn = (province: string) => {
    let known = keptByProvince.get(province);
    if (!known) {
      known = receptionKeptSince(db, province).then((d) => d !== null && d <= request.period_start);
      keptByProvince.set(province, known);
    }
    return known;
  };
  for (const row of rows) {
    if (row.period !== request.period_code) {
      conflict(
        row,
        "period",
        `Period must be ${request.period_code}`,
        `Kỳ báo cáo phải là ${request.period_code}`,
      );
      continue;
    }
    const sub = subs.get(row.orgUnit);
    if (!sub) {
      conflict(
        row,
        "orgUnit",
        "Not a target of this request",
        "Đơn vị không thuộc đối tượng của yêu cầu này",
      );
      continue;
    }
    if (!coversPath(a, "report.fill", sub.rollup_path, sub.body_id ?? undefined)) {
      conflict(
        row,
        "orgUnit",
        "Not permitted to enter data for this unit",
        "Không có quyền nhập số liệu cho đơn vị này",
      );
      continue;
    }
    if (!nextStatus(sub.status, "save")) {
      conflict(
        row,
        "orgUnit",
        `The report is ${sub.status} (locked)`,
        "Báo cáo đã gửi hoặc đã tiếp nhận, không sửa được",
      );
      continue;
    }
    const ind = catalogue.get(row.dataElement);
    const combos = allowed.get(row.dataElement);
    if (!ind || !combos) {
      conflict(row, "dataElement", "Data element not on the form", "Chỉ tiêu không có trong biểu mẫu");
      continue;
    }
    const combo = DEFAULT_COMBOS.has(row.categoryOptionCombo ?? "")
      ? ""
      : (row.categoryOptionCombo as string);
    if (!combos.includes(combo)) {
      conflict(row, "categoryOptionCombo", "Unknown category option combo", "Phân tổ không hợp lệ");
      continue;
    }
    // the registers' figures are the report's own where the province keeps them for the whole period: a
    // file that leaves them empty or repeats them is fine, one that changes them is told why it is not taken
    if (isReceptionOrLetterCode(row.dataElement) && (await keptIn(sub.province_code))) {
      if (row.value.trim() === "" || row.value.trim() === sub.values[row.dataElement]?.[combo]) {
        count.ignored++;
        continue;
      }
      conflict(
        row,
        "dataElement",
        "Filled from the reception and letters registers: not imported",
        "Số liệu tự động từ sổ tiếp công dân, sổ đơn thư: không nhập từ tệp",
      );
      continue;
    }
    const entry = changed.get(sub.id) ?? { sub, values: structuredClone(sub.values) };
    const current = entry.values[row.dataElement]?.[combo];
    if (row.value.trim() === "") {
      if (current === undefined) count.ignored++;
      else {
        const { [combo]: _gone, ...rest } = entry.values[row.dataElement] ?? {};
        entry.values[row.dataElement] = rest;
        count.deleted++;
        changed.set(sub.id, entry);
      }
      continue;
    }
    const c = checkValue(ind.type as IndicatorType, row.value, ind.max_value);
    if (!c.ok) {
      conflict(row, "value", c.messageEn, c.messageVi);
      continue;
    }
    if (current === c.value) {
      count.ignored++;
      continue;
    }
    entry.values[row.dataElement] = { ...entry.values[row.dataElement], [combo]: c.value };
    if (current === undefined) count.imported++;
    else count.updated++;
    changed.set(sub.id, entry);
  }
  if (opts.allOrNothing && conflicts.length > 0) {
    throw new AppError(
      400,
      "import_failed",
      `Tệp có ${conflicts.length} lỗi; chưa lưu số liệu nào`,
      `The file has ${conflicts.length} errors; nothing was stored`,
      conflicts.slice(0, 200).map((c) => ({
        field: c.at ?? c.object,
        messageVi: c.valueVi,
        messageEn: c.value,
      })),
    );
  }
  if (!opts.dryRun && changed.size > 0) {
    await db.transaction().execute(async (trx) => {
      for (const { sub, values } of changed.values()) {
        const row = await submissions.writeSubmissionStep(trx, sub.id, sub.version, {
          set: { status: "draft", values: JSON.stringify(values), updated_by: a.userId },
          event: "save",
          comment: opts.source,
          actorName: a.username,
          audit: null,
        });
        if (!row) throw errors.stale(sub.version);
      }
      // each report's values are kept in its revisions; the import itself is one entry of the audit log
      await appendAudit(trx, {
        actorId: a.userId,
        actorName: a.username,
        action: "report_values.import",
        entity: "report_request",
        entityId: String(request.id),
        unitCode: request.issuer_unit_code,
        scope: request.issuer_path,
        before: null,
        after: {
          source: opts.source,
          units: [...changed.values()].map((x) => x.sub.unit_code),
          imported: count.imported,
          updated: count.updated,
          deleted: count.deleted,
        },
      });
    });
  }
  const stored = count.imported + count.updated + count.deleted;
  // the form's rules on each changed report, as warnings: imported values land in drafts, and submitting
  // refuses a report whose error rules fail
  const rules = [...changed.values()].flatMap(({ sub, values }) => {
    const totals = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v[""]]));
    return form.rules.flatMap((rule) => {
      const outcome = checkRule(rule, totals);
      return outcome.status === "violated"
        ? [
            {
              orgUnit: sub.unit_code,
              severity: rule.severity,
              messageVi: rule.messageVi,
              messageEn: rule.messageEn,
            },
          ]
        : [];
    });
  });
  return {
    status: conflicts.length === 0 ? "SUCCESS" : stored > 0 ? "WARNING" : "ERROR",
    dryRun: opts.dryRun,
    importCount: count,
    conflicts,
    rules,
  };
}

/**
 * A request's values as DHIS2 dataValues: for each target, the report its totals count (its latest accepted
 * report in the series of form, period and targets, whichever request carried it: the figures every total
 * shows), else this request's report once sent (and, on request, its draft). `storedBy` says which.
 */
export async function exportValues(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  requestId: number,
  opts: { includeDrafts: boolean },
) {
  const a = requirePermission(auth, "unit.read");
  const request = await requests.findRequest(db, requestId);
  if (!request || !coversPath(a, "unit.read", request.issuer_path, request.issuer_body_id ?? undefined))
    throw errors.notFoundOrForbidden(String(requestId));
  const form = await requireForm(db, kept, request.form_id);
  const statuses = opts.includeDrafts ? ["draft", "returned", "submitted"] : ["submitted"];
  const [targets, counted] = await Promise.all([
    exchangeRepository.submissionsWithValues(db, requestId),
    rollup.countedOfTargets(db, requestId),
  ]);
  const countedOf = new Map(counted.map((c) => [c.target_id, c]));
  const dataValues = targets.flatMap((s) => {
    const c = countedOf.get(s.id);
    const shown = c
      ? { values: c.values, storedBy: "accepted", updatedAt: c.updated_at }
      : statuses.includes(s.status)
        ? { values: s.values, storedBy: s.status, updatedAt: s.updated_at }
        : null;
    if (!shown) return [];
    return Object.entries(shown.values).flatMap(([dataElement, combos]) =>
      Object.entries(combos).map(([combo, value]) => ({
        dataElement,
        period: request.period_code,
        orgUnit: s.unit_code,
        categoryOptionCombo: combo === "" ? "default" : combo,
        value,
        storedBy: shown.storedBy,
        lastUpdated: shown.updatedAt.toISOString(),
      })),
    );
  });
  return { dataSet: form.code, period: request.period_code, dataValues };
}

const CSV_COLUMNS = [
  "dataelement",
  "period",
  "orgunit",
  "categoryoptioncombo",
  "value",
  "storedby",
  "lastupdated",
  "comment",
];

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function toCsv(values: Awaited<ReturnType<typeof exportValues>>["dataValues"]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const v of values) {
    lines.push(
      [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.value, v.storedBy, v.lastUpdated, ""]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Where a CSV value came from. */
export const csvLine: Locate = (line) => `line ${line}`;

/** DHIS2 CSV (a header row naming the columns, any order, any case) into value rows with their line numbers. */
export function parseDataValueCsv(records: string[][]): DataValue[] {
  const [header, ...rest] = records;
  if (!header) throw errors.badRequest("Tệp CSV rỗng", "The CSV file is empty");
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = ["dataelement", "period", "orgunit", "value"].filter((c) => !index.has(c));
  if (missing.length) {
    throw errors.badRequest(`Thiếu cột: ${missing.join(", ")}`, `Missing columns: ${missing.join(", ")}`, {
      field: "header",
      missing,
    });
  }
  const col = (r: string[], name: string) => {
    const i = index.get(name);
    return i === undefined ? undefined : (r[i] ?? "").trim();
  };
  return rest.map((r, i) => ({
    dataElement: col(r, "dataelement") ?? "",
    period: col(r, "period") ?? "",
    orgUnit: col(r, "orgunit") ?? "",
    categoryOptionCombo: col(r, "categoryoptioncombo") ?? "",
    value: col(r, "value") ?? "",
    comment: col(r, "comment") ?? "",
    line: i + 2,
  }));
}
