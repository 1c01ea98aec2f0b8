/**
 * The batched step writer of reports (submissions.repository.ts writeSubmissionStep) on a real database: each
 * step updates the report if its version still stands, keeps a revision and writes its audit entry through the
 * audit module's one row mapping; concurrent steps share one statement; a step that lost the race writes
 * nothing at all.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/audit/audit-row.ts";
import {
  type SubmissionStep,
  writeSubmissionStep,
} from "../../src/features/reporting/submissions/submissions.repository.ts";
import { createTestApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: number[];

beforeAll(async () => {
  t = await createTestApp();
  const province = await t.login("dongthap");
  const forms = await province.json("GET", "/api/forms");
  const formId = forms.body.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id;
  const r = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId,
    period: { code: "2026Q1" },
    targetLevel: "commune",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const rows = await sql<{ id: number }>`
    select id from submission where request_id = ${r.body.id} order by id limit 3`.execute(t.db);
  ids = rows.rows.map((x) => x.id);
  expect(ids).toHaveLength(3);
});

const audit = (id: number, n: number): AuditEntry => ({
  actorId: 1,
  actorName: "xa.thapmuoi",
  action: "submission.save",
  entity: "submission",
  entityId: String(id),
  unitCode: "30037",
  scope: ["82", "30037"],
  before: { version: n },
  after: { version: n + 1, note: "lưu nháp" },
});

const step = (id: number, n: number, withAudit = true): SubmissionStep => ({
  set: { status: "draft", values: JSON.stringify({ DVK_MODELS_TOTAL: { "": String(n) } }), updated_by: 1 },
  event: "save",
  comment: null,
  actorName: "xa.thapmuoi",
  audit: withAudit ? audit(id, n) : null,
});

async function auditOf(id: number) {
  return (
    await sql<{
      actor_name: string;
      action: string;
      province_code: string;
      scope_codes: string[];
      after: unknown;
    }>`
      select actor_name, action, province_code, scope_codes, after from audit_log
      where entity = 'submission' and entity_id = ${String(id)} order by id`.execute(t.db)
  ).rows;
}

describe("writing report steps in one statement", () => {
  it("writes the row, its revision and its audit entry, the entry mapped as appendAudit maps one", async () => {
    const [id = 0] = ids;
    const written = await writeSubmissionStep(t.db, id, 1, step(id, 1));
    expect(written).toMatchObject({ status: "draft", version: 2 });
    const rev = await sql<{ version: number; event: string }>`
      select version, event from submission_revision where submission_id = ${id}`.execute(t.db);
    expect(rev.rows).toEqual([{ version: 2, event: "save" }]);
    expect(await auditOf(id)).toEqual([
      {
        actor_name: "xa.thapmuoi",
        action: "submission.save",
        province_code: "82",
        scope_codes: ["82", "30037"],
        after: { version: 2, note: "lưu nháp" },
      },
    ]);
  });

  it("shares one statement among concurrent steps, each answered for its own report", async () => {
    const [, b = 0, c = 0] = ids;
    const [wb, wc] = await Promise.all([
      writeSubmissionStep(t.db, b, 1, step(b, 1)),
      writeSubmissionStep(t.db, c, 1, step(c, 1, false)),
    ]);
    expect(wb?.version).toBe(2);
    expect(wc?.version).toBe(2);
    expect(await auditOf(b)).toHaveLength(1);
    // a step without an entry (the values of an import, audited once for the whole import) writes none
    expect(await auditOf(c)).toHaveLength(0);
  });

  it("writes nothing for a step whose version moved: no row change, no revision, no audit entry", async () => {
    const [id = 0] = ids;
    const before = await auditOf(id);
    expect(await writeSubmissionStep(t.db, id, 1, step(id, 1))).toBeUndefined();
    const rev = await sql<{ n: number }>`
      select count(*)::int as n from submission_revision where submission_id = ${id}`.execute(t.db);
    expect(rev.rows[0]?.n).toBe(1);
    expect(await auditOf(id)).toEqual(before);
  });
});
