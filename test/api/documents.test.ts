/** The numbering registry: sequences per body × series × scope, atomic, gapless, never reused. */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let editor: TestClient;
let other: TestClient;
let committee: number; // Ủy ban nhân dân tỉnh Đồng Tháp
let party: number; // Tỉnh ủy Đồng Tháp

beforeAll(async () => {
  t = await createTestApp();
  editor = await t.login("dongthap");
  other = await t.login("thainguyen");
  const bodies = (await editor.json("GET", "/api/units/82/bodies")).body.items as {
    id: number;
    kind: string;
  }[];
  committee = bodies.find((b) => b.kind === "people_committee")?.id as number;
  party = bodies.find((b) => b.kind === "party_committee")?.id as number;
});

const take = (c: TestClient, body: number, input: object) =>
  c.json("POST", `/api/bodies/${body}/document-numbers`, { title: "Văn bản", ...input });

describe("document types", () => {
  it("lists the State and Party types with their abbreviations", async () => {
    const r = await editor.json("GET", "/api/document-types");
    const keys = r.body.items.map((x: { family: string; code: string }) => `${x.family}:${x.code}`);
    expect(keys).toEqual(
      expect.arrayContaining(["state:BC", "state:QĐ", "party:KH", "party:CV", "party:KL"]),
    );
    expect(keys).not.toContain("state:CV"); // a State công văn has no type code
  });
});

describe("State numbering: one yearly sequence per body (NĐ 30/2020), normative documents apart", () => {
  it("numbers a report, a plan and a letter in one sequence, and a normative decision in its own", async () => {
    const a = await take(editor, committee, {
      typeCode: "BC",
      issuedOn: "2026-02-05",
      title: "Báo cáo sơ kết",
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      number: 1,
      symbol: "01/BC-UBND",
      line: "Số: 01/BC-UBND",
      scope: "year:2026",
    });
    const b = await take(editor, committee, { typeCode: "KH", issuedOn: "2026-02-06" });
    expect(b.body.symbol).toBe("02/KH-UBND");
    const c = await take(editor, committee, { typeCode: null, draftingUnit: "NV", issuedOn: "2026-02-07" });
    expect(c.body.symbol).toBe("03/UBND-NV");
    const d = await take(editor, committee, { typeCode: "TT", issuedOn: "2026-03-01" });
    expect(d.body.symbol).toBe("01/2026/TT-UBND"); // normative: its own sequence, with the year
    const e = await take(editor, committee, { typeCode: "BC", issuedOn: "2025-12-31" });
    expect(e.body.symbol).toBe("01/BC-UBND"); // another year, another sequence
  });
});

describe("Party numbering: per type per committee term (HD 36-HD/VPTW), one sequence per congress", () => {
  it("numbers per type within the term, restarts in the next term, and keeps the congress apart", async () => {
    expect((await take(editor, party, { typeCode: "KH", issuedOn: "2026-01-26" })).body).toMatchObject({
      symbol: "01-KH/TU",
      line: "Số 01-KH/TU",
      termName: "nhiệm kỳ 2025–2030",
    });
    expect((await take(editor, party, { typeCode: "KH", issuedOn: "2026-03-01" })).body.symbol).toBe(
      "02-KH/TU",
    );
    expect((await take(editor, party, { typeCode: "CV", issuedOn: "2026-03-02" })).body.symbol).toBe(
      "01-CV/TU",
    );
    expect((await take(editor, party, { typeCode: "KH", issuedOn: "2025-09-30" })).body).toMatchObject({
      symbol: "01-KH/TU",
      termName: "nhiệm kỳ 2020–2025",
    });
    const congress = await take(editor, party, { typeCode: "NQ", issuedOn: "2025-09-29", congress: true });
    expect(congress.body.symbol).toBe("01-NQ/TU");
    const next = await take(editor, party, { typeCode: "BC", issuedOn: "2025-09-29", congress: true });
    expect(next.body.symbol).toBe("02-BC/TU"); // the congress's documents share one sequence
    const before = await take(editor, party, { typeCode: "KH", issuedOn: "2019-06-01" });
    expect(before.status).toBe(400);
    expect(before.body.error.message_vi).toContain("nhiệm kỳ");
  });

  it("keeps a body's terms from overlapping", async () => {
    const r = await t.login("admin");
    const overlap = await r.json("POST", `/api/bodies/${party}/terms`, { name: "x", startsOn: "2029-01-01" });
    expect(overlap.status).toBe(409);
    const state = await r.json("POST", `/api/bodies/${committee}/terms`, {
      name: "x",
      startsOn: "2010-01-01",
    });
    expect(state.status).toBe(400);
    const terms = await editor.json("GET", `/api/bodies/${party}/terms`);
    expect(terms.body.items.map((x: { name: string }) => x.name)).toEqual([
      "nhiệm kỳ 2020–2025",
      "nhiệm kỳ 2025–2030",
    ]);
  });
});

describe("allocation is atomic and gapless, and a cancelled number is never reused", () => {
  it("gives 25 concurrent requests the numbers 01–25, each once", async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        take(editor, committee, { typeCode: "BC", issuedOn: "2024-05-01", title: `BC ${i}` }),
      ),
    );
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("cancels a number, keeps it in the registry, and goes on after it", async () => {
    const n = await take(editor, committee, { typeCode: "BC", issuedOn: "2024-05-02" });
    expect(n.body.number).toBe(26);
    const cancelled = await editor.json("POST", `/api/document-numbers/${n.body.id}/cancel`, {
      reason: "Lấy nhầm số",
    });
    expect(cancelled.body).toMatchObject({ status: "cancelled", cancelReason: "Lấy nhầm số" });
    expect(
      (await editor.json("POST", `/api/document-numbers/${n.body.id}/cancel`, { reason: "Lần nữa" })).status,
    ).toBe(409);
    expect((await take(editor, committee, { typeCode: "KH", issuedOn: "2024-05-03" })).body.number).toBe(27);
    const registry = await editor.json("GET", `/api/bodies/${committee}/document-numbers?year=2024`);
    expect(registry.body.items).toHaveLength(27);
    expect(registry.body.items.find((x: { number: number }) => x.number === 26)).toMatchObject({
      status: "cancelled",
      symbol: "26/BC-UBND",
    });
    const audit = await (await t.login("admin")).json("GET", "/api/audit?entity=document_number");
    expect(audit.body.items[0].action).toBe("document_number.allocate");
    expect(audit.body.items.map((x: { action: string }) => x.action)).toContain("document_number.cancel");
  });

  it("keeps other provinces' users out", async () => {
    expect((await take(other, committee, { typeCode: "BC" })).status).toBe(404);
    expect((await other.json("GET", `/api/bodies/${committee}/document-numbers`)).status).toBe(404);
  });
});
