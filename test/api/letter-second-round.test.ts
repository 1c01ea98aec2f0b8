/**
 * A second-round complaint (Luật Khiếu nại 2011, Art. 7 and 33): the commune resolves a complaint by its first
 * decision; the complainant disagrees and complains to the province's People's Committee, directly above, which
 * registers it linked to the first round, on the second round's time limits. Refused: a first round not resolved,
 * a body not directly above, a petition, another province's letter.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "../../src/domain/dates.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let province: TestClient;
let other: TestClient;
const bodies: Record<string, number> = {};
const today = todayInVietnam();
const daysAgo = (n: number) => addDays(today, -n);
let first = 0;

const complaint = (c: TestClient, patch: Record<string, unknown>) =>
  c.json("POST", "/api/letters", {
    bodyId: bodies["30037.people_committee"],
    kind: "complaint",
    channel: "post",
    receivedOn: daysAgo(60),
    subject: "Khiếu nại quyết định thu hồi đất",
    sender: { name: "Lê Văn Khánh", address: "Ấp 3, xã Tháp Mười" },
    ...patch,
  });

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  province = await t.login("dongthap");
  other = await t.login("thainguyen");
  const admin = await t.login("admin");
  for (const unit of ["82", "30037", "19"])
    for (const b of (await admin.json("GET", `/api/units/${unit}/bodies`)).body.items)
      bodies[`${unit}.${b.kind}`] = b.id;
  // the first round, resolved by the commune's decision
  const r = await complaint(commune, {});
  first = r.body.letter.id;
  let version = (
    await commune.json("PATCH", `/api/letters/${first}`, { version: 1, eligible: true, competent: true })
  ).body.version;
  version = (
    await commune.json("POST", `/api/letters/${first}/steps`, { version, action: "accept", on: daysAgo(55) })
  ).body.version;
  const n = await commune.json("POST", `/api/bodies/${bodies["30037.people_committee"]}/document-numbers`, {
    typeCode: "QĐ",
    title: "Quyết định giải quyết khiếu nại lần đầu",
  });
  expect(n.status, JSON.stringify(n.body)).toBe(201);
  const resolved = await commune.json("POST", `/api/letters/${first}/steps`, {
    version,
    action: "resolve",
    on: daysAgo(30),
    outcome: "unjustified",
    decisionNumberId: n.body.id,
  });
  expect(resolved.body.status).toBe("resolved");
});

describe("a second-round complaint", () => {
  it("is registered at the province's People's Committee, linked to the first round, on the second round's limits", async () => {
    // offered to whoever handles the province's letters, not to the commune that resolved it
    expect((await province.json("GET", `/api/letters/${first}`)).body.can.secondRoundAt).toBe("82");
    expect((await commune.json("GET", `/api/letters/${first}`)).body.can.secondRoundAt).toBeNull();
    const r = await complaint(province, {
      bodyId: bodies["82.people_committee"],
      receivedOn: daysAgo(10),
      firstRoundOf: first,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const second = await province.json("GET", `/api/letters/${r.body.letter.id}`);
    expect(second.body.round).toBe(2);
    expect(second.body.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "second_round", id: first })]),
    );
    // accepted: resolved within 45 days from acceptance (Art. 37), not the first round's 30
    const c = await province.json("PATCH", `/api/letters/${r.body.letter.id}`, {
      version: second.body.version,
      eligible: true,
      competent: true,
    });
    const accepted = await province.json("POST", `/api/letters/${r.body.letter.id}/steps`, {
      version: c.body.version,
      action: "accept",
      on: daysAgo(5),
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.clocks.legal).toMatchObject({ due: addDays(daysAgo(5), 45) });
    // seen from the first round too, by the province; the commune below does not see the province's letter
    const back = await province.json("GET", `/api/letters/${first}`);
    expect(back.body.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "second_round", id: r.body.letter.id })]),
    );
    expect(back.body.can.secondRoundAt).toBeNull();
    const below = await commune.json("GET", `/api/letters/${first}`);
    expect(below.body.links.some((k: { kind: string }) => k.kind === "second_round")).toBe(false);
    const audit = await sql<{ n: string }>`
      select count(*) as n from audit_log where action = 'letter.create' and entity_id = ${String(r.body.letter.id)}`.execute(
      t.db,
    );
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });

  it("refuses a first round not resolved, a body not directly above, a petition, another province's letter", async () => {
    const before = await sql<{ n: string }>`select count(*) as n from letter`.execute(t.db);
    const open = (await complaint(commune, { subject: "Khiếu nại khác" })).body.letter.id;
    const after1 = Number(
      (await sql<{ n: string }>`select count(*) as n from letter`.execute(t.db)).rows[0]?.n,
    );
    const cases: [TestClient, Record<string, unknown>, number, string | null][] = [
      [province, { bodyId: bodies["82.people_committee"], firstRoundOf: open }, 400, "firstRoundOf"],
      [commune, { firstRoundOf: first }, 400, "bodyId"],
      [
        province,
        { bodyId: bodies["82.people_committee"], firstRoundOf: first, kind: "petition" },
        400,
        "kind",
      ],
      [other, { bodyId: bodies["19.people_committee"], firstRoundOf: first }, 404, null],
      [province, { bodyId: bodies["82.people_committee"], firstRoundOf: 9_007_199_254_740_992 }, 400, null],
    ];
    for (const [c, patch, status, field] of cases) {
      const r = await complaint(c, patch);
      expect(r.status, JSON.stringify([patch, r.body])).toBe(status);
      if (field) expect(r.body.error.details.field).toBe(field);
    }
    const after = await sql<{ n: string }>`select count(*) as n from letter`.execute(t.db);
    expect(Number(after.rows[0]?.n)).toBe(after1);
    expect(after1).toBe(Number(before.rows[0]?.n) + 1);
  });
});
