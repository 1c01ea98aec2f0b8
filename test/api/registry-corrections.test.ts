/**
 * A registry entry corrected (PATCH /api/registry/{id}): with the version read (409 when stale), found again by
 * its new words, before and after in the audit log; a document numbered from the registry of outgoing
 * documents keeps its number-symbol. An entry withdrawn (recalled, registered by mistake, or its number
 * cancelled) stays listed, marked with its day and reason, and can be restored unless its number was cancelled.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let admin: TestClient;
let province: TestClient;
let other: TestClient;

beforeAll(async () => {
  const t = await createTestApp();
  admin = await t.login("admin");
  province = await t.login("dongthap");
  other = await t.login("thainguyen");
});

const register = () =>
  province.json("POST", "/api/registry", {
    unitCode: "82",
    direction: "incoming",
    numberSymbol: "53-KH/HU",
    issuerName: "Huyện uỷ Tháp Mười",
    issuedOn: "2022-01-26",
    excerpt: "Kế hoạch thực hiện Nghị quyết số 01-NQ/TU",
  });

/** A draft of the province's People's Committee, issued: numbered from its registry and entered there. */
async function issueDraft(kind: string, excerpt: string) {
  const bodies = (await province.json("GET", "/api/units/82/bodies")).body.items;
  const ubnd = bodies.find((b: { kind: string }) => b.kind === "people_committee");
  const d = await province.json("POST", "/api/drafts", { bodyId: ubnd.id, kind, excerpt });
  const signed = await province.json("PUT", `/api/drafts/${d.body.id}`, {
    version: d.body.version,
    signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "Nguyễn Văn A" },
  });
  const issued = await province.request("POST", `/api/drafts/${d.body.id}/document`, {
    format: "pdf",
    issue: { version: signed.body.version },
  });
  return { d, issued };
}

describe("a registry entry corrected", () => {
  it("takes its corrected number, issuer and excerpt, and is found by them", async () => {
    const d = (await register()).body;
    const r = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      numberSymbol: "Số: 54-KH/HU",
      issuerName: "Huyện ủy Tháp Mười",
      excerpt: "Kế hoạch thực hiện Nghị quyết số 01-NQ/TU về công tác dân vận",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      numberSymbol: "54-KH/HU",
      issuerName: "Huyện ủy Tháp Mười",
      version: d.version + 1,
    });
    const found = await province.json("GET", "/api/registry?unit=82&q=cong tac dan van 01-NQ");
    expect(found.body.items.map((x: { id: number }) => x.id)).toContain(d.id);
    const bySymbol = await province.json("GET", `/api/registry?unit=82&q=${encodeURIComponent("54-KH/HU")}`);
    expect(bySymbol.body.items.map((x: { id: number }) => x.id)).toContain(d.id);
    const stale = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      excerpt: "Khác",
    });
    expect(stale.status).toBe(409);
    const audit = await admin.json("GET", "/api/audit?entity=registry_document");
    const entry = audit.body.items.find(
      (e: { action: string; entity_id?: string; entityId?: string }) =>
        e.action === "registry_document.update",
    );
    expect(entry.before.numberSymbol).toBe("53-KH/HU");
    expect(entry.after.numberSymbol).toBe("54-KH/HU");
  });

  it("refuses a number-symbol that does not read as one, and another unit's entry", async () => {
    const d = (await register()).body;
    const bad = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      numberSymbol: "???",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe("numberSymbol");
    const theirs = await other.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      excerpt: "Khác",
    });
    expect(theirs.status).toBe(404);
  });

  it("keeps the number of a document numbered from the registry of outgoing documents", async () => {
    const { issued } = await issueDraft("BC", "Công tác dân vận");
    expect(issued.status).toBe(200);
    const entry = (
      await province.json("GET", `/api/registry/${issued.headers.get("x-registry-document-id")}`)
    ).body;
    const r = await province.json("PATCH", `/api/registry/${entry.id}`, {
      version: entry.version,
      numberSymbol: "999/BC-UBND",
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe("numberSymbol");
    // its excerpt may still be corrected
    const ok = await province.json("PATCH", `/api/registry/${entry.id}`, {
      version: entry.version,
      excerpt: "Báo cáo công tác dân vận năm 2026",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.numberSymbol).toBe(entry.numberSymbol);
  });
});

describe("a registry entry withdrawn", () => {
  it("needs a reason, stays listed and found, marked; is restored; both audited; a stale version refused", async () => {
    const d = (await register()).body;
    const bare = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      withdrawn: true,
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.field).toBe("withdrawnReason");
    const w = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      withdrawn: true,
      withdrawnReason: "Vào sổ nhầm: trùng với văn bản đã đăng ký",
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.withdrawn).toMatchObject({ reason: "Vào sổ nhầm: trùng với văn bản đã đăng ký" });
    expect(w.body.withdrawn.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const listed = await province.json("GET", `/api/registry?unit=82&q=${encodeURIComponent("53-KH/HU")}`);
    expect(listed.body.items.find((x: { id: number }) => x.id === d.id)?.withdrawn).toMatchObject({
      reason: "Vào sổ nhầm: trùng với văn bản đã đăng ký",
    });
    const stale = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: d.version,
      withdrawn: false,
    });
    expect(stale.status).toBe(409);
    const back = await province.json("PATCH", `/api/registry/${d.id}`, {
      version: w.body.version,
      withdrawn: false,
    });
    expect(back.status).toBe(200);
    expect(back.body.withdrawn).toBeNull();
    const audit = await admin.json("GET", "/api/audit?entity=registry_document");
    const actions = audit.body.items
      .filter((e: { entityId: string }) => e.entityId === String(d.id))
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["registry_document.withdraw", "registry_document.restore"]),
    );
    const theirs = await other.json("PATCH", `/api/registry/${d.id}`, {
      version: back.body.version,
      withdrawn: true,
      withdrawnReason: "x",
    });
    expect(theirs.status).toBe(404);
  });

  it("when its number is cancelled in the registry of outgoing documents, and cannot then be restored", async () => {
    const { d, issued } = await issueDraft("TB", "Lịch công tác");
    const entryId = issued.headers.get("x-registry-document-id");
    const draft = (await province.json("GET", `/api/drafts/${d.body.id}`)).body;
    const numberId =
      draft.numberId ?? (await province.json("GET", `/api/registry/${entryId}`)).body.documentNumberId;
    const cancel = await province.json("POST", `/api/document-numbers/${numberId}/cancel`, {
      reason: "Cấp nhầm số",
    });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    const entry = (await province.json("GET", `/api/registry/${entryId}`)).body;
    expect(entry.withdrawn?.reason).toContain("Cấp nhầm số");
    const restore = await province.json("PATCH", `/api/registry/${entryId}`, {
      version: entry.version,
      withdrawn: false,
    });
    expect(restore.status).toBe(400);
    expect(restore.body.error.details.field).toBe("withdrawn");
  });
});
