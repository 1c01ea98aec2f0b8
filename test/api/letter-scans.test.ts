/**
 * A letter's scans through the API (Luật Tố cáo 2018 Art. 9): the commune adds the scan of a denunciation in
 * its writer's hand; it is kept sealed (nothing of the file in the database, no file name); the letter's page
 * lists what the scans are, never what they hold; only the inspectorate opens a denunciation's, each read
 * audited, while those who handle a complaint open its scans; what is not a scan is refused, storing nothing.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "../../src/domain/dates.ts";
import { pdfFile, pngImage } from "../fixtures/files.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let inspector: TestClient;
let admin: TestClient;
let other: TestClient;
let body = 0;

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  inspector = await t.login("thanhtra.dongthap");
  admin = await t.login("admin");
  other = await t.login("thainguyen");
  body = (await commune.json("GET", "/api/units/30037/bodies")).body.items.find(
    (b: { kind: string }) => b.kind === "people_committee",
  ).id;
});

const letter = async (kind: "denunciation" | "complaint") => {
  const r = await commune.json("POST", "/api/letters", {
    bodyId: body,
    kind,
    channel: "direct",
    receivedOn: addDays(todayInVietnam(), -2),
    subject: "Tố cáo việc thu tiền sai quy định",
    sender: { name: "Phạm Thị Hạnh", address: "Ấp 3, xã Tháp Mười" },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.letter.id as number;
};

const send = (c: TestClient, id: number, bytes: Uint8Array) =>
  c.request("POST", `/api/letters/${id}/scans`, bytes, { "content-type": "application/octet-stream" });

describe("the scan of a denunciation in its writer's hand", () => {
  let id = 0;
  let scan = 0;
  const file = pdfFile("Pham Thi Hanh, Ap 3, xa Thap Muoi");

  it("is kept sealed: nothing of the file in the database, and no file name", async () => {
    id = await letter("denunciation");
    const r = await send(commune, id, new Uint8Array(file));
    expect(r.status).toBe(201);
    const added = (await r.json()) as { id: number };
    expect(added).toMatchObject({ contentType: "application/pdf", size: file.length });
    scan = added.id;
    const row = await sql<{ sealed: Buffer }>`select sealed from letter_scan where id = ${scan}`.execute(
      t.db,
    );
    const sealed = row.rows[0]?.sealed as Buffer;
    expect(sealed.includes(Buffer.from("%PDF"))).toBe(false);
    expect(sealed.includes(Buffer.from("Pham Thi Hanh"))).toBe(false);
    const audit = await sql<{ after: unknown }>`
      select after from audit_log where action = 'letter_scan.create' and entity_id = ${String(id)}`.execute(
      t.db,
    );
    expect(JSON.stringify(audit.rows)).not.toContain("Hanh");
  });

  it("shows on the letter's page as what it is, not what it holds", async () => {
    const d = await commune.json("GET", `/api/letters/${id}`);
    expect(d.body.scans).toEqual([
      { id: scan, contentType: "application/pdf", size: file.length, createdAt: expect.any(String) },
    ]);
    expect(d.body.can.identity).toBe(false);
  });

  it("opens for the inspectorate only, each read in the audit log", async () => {
    expect((await commune.request("GET", `/api/letters/scans/${scan}`)).status).toBe(403);
    expect((await admin.request("GET", `/api/letters/scans/${scan}`)).status).toBe(403);
    expect((await other.request("GET", `/api/letters/scans/${scan}`)).status).toBe(404);
    const r = await inspector.request("GET", `/api/letters/scans/${scan}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/pdf");
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("content-disposition")).toMatch(/ban-chup-don-[2-9A-Z]{4}-[2-9A-Z]{4}-\d+\.pdf/);
    expect(Buffer.from(await r.arrayBuffer()).equals(file)).toBe(true);
    const read = await sql<{ actor_name: string }>`
      select actor_name from audit_log where action = 'letter_scan.read' and entity_id = ${String(id)}`.execute(
      t.db,
    );
    expect(read.rows.map((x) => x.actor_name)).toEqual(["thanhtra.dongthap"]);
  });
});

describe("a complaint's scan", () => {
  it("opens for those who handle the letter", async () => {
    const id = await letter("complaint");
    const image = pngImage();
    const r = await send(commune, id, new Uint8Array(image));
    expect(r.status).toBe(201);
    const got = await commune.request("GET", `/api/letters/scans/${((await r.json()) as { id: number }).id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
  });
});

describe("what is not a scan", () => {
  it("is refused with a clear 400, storing nothing; another province's letter is not found", async () => {
    const id = await letter("denunciation");
    const before = await sql<{ n: string }>`select count(*) as n from letter_scan`.execute(t.db);
    for (const bytes of [
      new Uint8Array(Buffer.from("PK\u0003\u0004 not a scan")),
      new Uint8Array(Buffer.from("%PDF-1.4 cut short")),
      new Uint8Array(Buffer.from("hello")),
    ]) {
      const r = await send(commune, id, bytes);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message_vi: string } }).error.message_vi).toBeTruthy();
    }
    expect((await send(commune, id, new Uint8Array(0))).status).toBe(400);
    expect((await send(other, id, new Uint8Array(pdfFile()))).status).toBe(404);
    expect((await commune.request("GET", "/api/letters/scans/999999")).status).toBe(404);
    const after = await sql<{ n: string }>`select count(*) as n from letter_scan`.execute(t.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
