/**
 * Letters' reminders: the commune's handlers see their letters whose step is due soon or late, the province's
 * head (an approver) those escalated to them, another province none of them; the e-mails go out once each, to
 * the handlers (and the heads for an escalated letter), naming the letter by its code, never its writer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sendLetterReminders } from "../../src/features/letters/letter-reminders.service.ts";
import type { Mail } from "../../src/features/reporting/reminders/reminders.service.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let head: TestClient;
let other: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  head = await t.login("duyet.dongthap");
  other = await t.login("thainguyen");
});

type Item = { id: number; code: string; reminder: string; bodyName: string };

describe("letters' reminders", () => {
  it("show the handlers their late letters, the head those escalated, another province nothing", async () => {
    const mine = (await commune.json("GET", "/api/letters/reminders")).body.items as Item[];
    // the demo's overdue complaint at Xã Tháp Mười, past its legal day: escalated
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((r) => r.reminder === "escalated")).toBe(true);
    expect(mine.every((r) => r.bodyName.includes("Tháp Mười"))).toBe(true);
    const escalated = (await head.json("GET", "/api/letters/reminders")).body.items as Item[];
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.every((r) => r.reminder === "escalated")).toBe(true);
    expect((await other.json("GET", "/api/letters/reminders")).body.items).toEqual([]);
    // no writer is named, not even the protected denouncer
    const text = JSON.stringify([mine, escalated]);
    expect(text).not.toMatch(/Phạm Thị Hạnh|Nguyễn Văn/);
    expect((await t.anonymous.json("GET", "/api/letters/reminders")).status).toBe(401);
  });

  it("e-mail each reminder once, to the handlers and, when escalated, to the head", async () => {
    const admin = await t.login("admin");
    for (const [username, role, email] of [
      ["xl.thapmuoi", "editor", "xuly@thapmuoi.dongthap.gov.vn"],
      ["ld.thapmuoi", "approver", "lanhdao@thapmuoi.dongthap.gov.vn"],
      ["tinh.dongthap", "editor", "tonghop@dongthap.gov.vn"],
    ] as const) {
      const r = await admin.json("POST", "/api/users", {
        username,
        displayName: username,
        password: "password123",
        email,
        grants: [{ role, unitCode: username === "tinh.dongthap" ? "82" : "30037" }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const box: Mail[] = [];
    const base = { baseUrl: "https://danvan.example" };
    await sendLetterReminders(t.db, async (m) => void box.push(m), base);
    const to = (address: string) => box.filter((m) => m.to === address);
    expect(to("xuly@thapmuoi.dongthap.gov.vn").length).toBeGreaterThan(0);
    // the commune's head hears only of escalated letters; the province's editor, of none of the commune's
    const headMail = to("lanhdao@thapmuoi.dongthap.gov.vn");
    expect(headMail.length).toBeGreaterThan(0);
    expect(headMail.every((m) => m.subject.includes("Báo cáo thủ trưởng"))).toBe(true);
    expect(to("tonghop@dongthap.gov.vn").filter((m) => m.text.includes("Tháp Mười"))).toEqual([]);
    expect(box.every((m) => /https:\/\/danvan\.example\/letters\/\d+/.test(m.text))).toBe(true);
    expect(JSON.stringify(box)).not.toMatch(/Phạm Thị Hạnh|Nguyễn Văn Bình/);
    // nothing twice
    box.length = 0;
    await sendLetterReminders(t.db, async (m) => void box.push(m), base);
    expect(box).toEqual([]);
  });
});
