/**
 * A letter in Chromium, from intake to the citizen's tracking: the commune's official registers a denunciation
 * handed in at the People's Committee (the writer's identity protected), classifies it as complex, accepts it,
 * extends its time once, and resolves it with the conclusion numbered in the commune's registry; the citizen
 * follows it by code and secret on the public page, where no name appears; the province's inspectorate reads
 * the denouncer's identity, which the commune's editor cannot; the province sees the letter in its counts.
 */

import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "../src/domain/dates.ts";
import { pdfFile } from "../test/fixtures/files.ts";
import { choose, chooseUnit, logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();
const today = todayInVietnam();

describe("a citizen's letter in the browser", () => {
  it("is registered, accepted, extended and resolved with a numbered conclusion; the citizen tracks it", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/letters`);
    await logIn(page, "xa.thapmuoi");
    // the commune's late letters first: the demo's overdue complaint has gone to the head of the body
    await expect
      .poll(() => page.getByTestId("letter-reminders").locator('[data-reminder="escalated"]').count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: "test-results/letter-reminders.png" });
    await page.getByTestId("letter-register").click();
    const dialog = page.getByRole("dialog");
    await choose(page, "Cơ quan tiếp nhận", "Ủy ban nhân dân xã Tháp Mười");
    await dialog.getByTestId("intake-kind").click();
    await page.getByRole("option", { name: "Tố cáo", exact: true }).click();
    await expect.poll(() => dialog.getByTestId("intake-protected").count()).toBe(1);
    await dialog
      .getByTestId("intake-subject")
      .fill("Tố cáo việc thu tiền sai quy định khi cấp phép xây dựng");
    await dialog.getByTestId("intake-sender-name").fill("Huỳnh Thị Thu");
    await page.screenshot({ path: "test-results/letter-intake.png" });
    await dialog.getByTestId("intake-save").click();
    const notice = page.getByTestId("letter-notice");
    await expect.poll(() => notice.textContent()).toMatch(/mã hồ sơ [2-9A-Z]{4}-[2-9A-Z]{4}/);
    const text = (await notice.textContent()) ?? "";
    const code = /mã hồ sơ ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(text)?.[1] as string;
    const secret = /mã tra cứu ([2-9A-Z]{8})/.exec(text)?.[1] as string;
    expect(secret).toBeTruthy();
    // the list never shows the denouncer
    expect(await page.getByTestId("letters").textContent()).not.toContain("Huỳnh Thị Thu");

    await page.getByTestId("letters").getByRole("link", { name: code }).click();
    await page.waitForURL(/\/letters\/\d+$/);
    expect(await page.getByTestId("letter-writer").textContent()).toContain("giữ bí mật");
    expect(await page.getByTestId("letter-show-identity").count()).toBe(0);
    // the letter as handed in, scanned: kept sealed; the commune adds it but cannot open it
    await page.locator("input[type='file'][accept='.pdf,.png,.jpg,.jpeg']").setInputFiles({
      name: "don-to-cao.pdf",
      mimeType: "application/pdf",
      buffer: pdfFile("Huynh Thi Thu"),
    });
    await expect.poll(() => page.getByTestId("letter-scans").textContent()).toContain("Bản chụp 1: PDF");
    expect(await page.getByTestId("scan-open").count()).toBe(0);
    // classified: eligible, within competence, complex
    await page.getByTestId("classify-eligible").check();
    await page.getByTestId("classify-competent").check();
    await choose(page, "Mức độ phức tạp", "Phức tạp");
    await page.getByTestId("classify-save").click();
    await expect.poll(() => page.getByTestId("step-action").inputValue()).toBe("Thụ lý");
    // accepted
    await page.getByTestId("step-save").click();
    await expect.poll(() => page.getByTestId("letter-status").textContent()).toBe("Đang giải quyết");
    await expect.poll(() => page.getByTestId("legal-clock").textContent()).toContain("còn 30 ngày");
    // the notice of acceptance, numbered in the commune People's Committee's registry
    await page.getByTestId("letter-steps").getByRole("button", { name: "Văn bản" }).first().click();
    await page.getByTestId("step-document-take-number").check();
    const [noticeFile] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("step-document-docx").click(),
    ]);
    expect(noticeFile.suggestedFilename()).toMatch(/tb-ubnd\.docx$/i);
    await expect.poll(() => page.getByTestId("letter-steps").textContent()).toMatch(/\d+\/TB-UBND/);
    await page.keyboard.press("Escape");
    // extended once, by 30 days
    await choose(page, "Bước", "Gia hạn");
    await page.getByTestId("step-days").fill("30");
    await page.getByTestId("step-save").click();
    await expect.poll(() => page.getByTestId("legal-clock").textContent()).toContain("còn 60 ngày");
    expect(await page.getByTestId("legal-clock").textContent()).toContain(
      addDays(today, 60).split("-").reverse().join("/"),
    );

    // the conclusion is numbered in the commune People's Committee's registry
    const me = await (await page.request.get(`${env.server.url}/api/auth/me`)).json();
    const bodies = (await (await page.request.get(`${env.server.url}/api/units/30037/bodies`)).json()).items;
    const ubnd = bodies.find((b: { kind: string }) => b.kind === "people_committee").id;
    const n = await page.request.post(`${env.server.url}/api/bodies/${ubnd}/document-numbers`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { typeCode: "KL", title: "Kết luận nội dung tố cáo" },
    });
    expect(n.status()).toBe(201);
    const symbol = (await n.json()).symbol as string;
    await choose(page, "Bước", "Giải quyết");
    await choose(page, "Kết quả giải quyết", "Đúng một phần");
    await page.getByTestId("step-decision").click();
    await page.getByRole("option", { name: new RegExp(symbol.replace("/", "\\/")) }).click();
    await page.getByTestId("step-save").click();
    await expect.poll(() => page.getByTestId("letter-status").textContent()).toBe("Đã giải quyết");
    expect(await page.getByTestId("letter-steps").textContent()).toContain(symbol);
    await page.screenshot({ path: "test-results/letter-resolved.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // the menu folds away on a phone: let it
    await page.waitForTimeout(500);
    await page.screenshot({ path: "test-results/letter-resolved-phone.png", fullPage: true });

    // the citizen follows it, without signing in
    const citizen = await (await env.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await citizen.goto(`${env.server.url}/public/letters`);
    await citizen.getByTestId("track-code").fill(code);
    await citizen.getByTestId("track-secret").fill(secret);
    await citizen.getByRole("button", { name: "Tra cứu" }).click();
    await expect.poll(() => citizen.getByTestId("track-status").textContent()).toContain("Đã giải quyết");
    const shown = (await citizen.getByTestId("track-result").textContent()) ?? "";
    expect(shown).toContain(symbol);
    expect(shown).not.toContain("Huỳnh Thị Thu");
    await citizen.screenshot({ path: "test-results/letter-tracked-phone.png", fullPage: true });

    // the province's inspectorate reads the denouncer, on purpose; the province counts the letter
    const inspector = await (await env.browser.newContext()).newPage();
    await inspector.goto(page.url());
    await logIn(inspector, "thanhtra.dongthap");
    await inspector.getByTestId("letter-show-identity").click();
    await expect.poll(() => inspector.getByTestId("letter-sender").textContent()).toContain("Huỳnh Thị Thu");
    const [scanFile] = await Promise.all([
      inspector.waitForEvent("download"),
      inspector.getByTestId("scan-open").click(),
    ]);
    expect(scanFile.suggestedFilename()).toMatch(/^ban-chup-don-.+\.pdf$/);
    await inspector.goto(`${env.server.url}/letters`);
    await expect.poll(() => inspector.getByTestId("letter-counts").textContent()).toMatch(/Tố cáo: \d+ đơn/);
    // and its hot spots: Xã Tháp Mười's crowded complaint is open, first in the early warnings, red on the grid
    await expect.poll(() => inspector.getByTestId("letter-warnings").textContent()).toContain("Tháp Mười");
    const hot = inspector
      .getByTestId("letter-hotspot-grid")
      .locator('[data-level="hot"]', { hasText: "Tháp Mười" });
    expect(await hot.count()).toBe(1);
    await inspector.getByTestId("letter-hotspots").screenshot({ path: "test-results/letter-hotspots.png" });
  });

  it("a citizen sends a petition online from a phone, follows it, and the commune finds it in its letters", async () => {
    const citizen = await (await env.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await citizen.goto(`${env.server.url}/public/letters`);
    await citizen.getByTestId("track-send-online").click();
    await citizen.getByTestId("online-guidance").waitFor();
    // the commune's People's Committee, typed without accents
    await chooseUnit(citizen, "Cơ quan nhận", "thap muoi", /Ủy ban nhân dân xã Tháp Mười/);
    await citizen.getByTestId("online-subject").fill("Phản ánh cống thoát nước ấp 3 bị tắc");
    await citizen
      .getByTestId("online-content")
      .fill("Cống thoát nước đầu ấp 3 bị tắc, mưa xuống nước tràn vào nhà dân.");
    await citizen.getByTestId("online-name").fill("Đặng Văn Sáu");
    // without a phone or an e-mail the body could not answer: the form says so at the field
    await citizen.getByTestId("online-submit").click();
    await expect
      .poll(() => citizen.getByTestId("online-phone").evaluate((e) => e.getAttribute("aria-invalid")))
      .toBe("true");
    await citizen.getByTestId("online-phone").fill("0933333333");
    const axe = await new AxeBuilder({ page: citizen })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await citizen.screenshot({ path: "test-results/letter-online-phone.png", fullPage: true });
    await citizen.getByTestId("online-submit").click();
    await citizen.getByTestId("online-receipt").waitFor();
    const code = (await citizen.getByTestId("online-code").textContent()) ?? "";
    const secret = (await citizen.getByTestId("online-secret").textContent()) ?? "";
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await citizen.screenshot({ path: "test-results/letter-online-sent-phone.png", fullPage: true });
    await citizen.getByRole("link", { name: "Tra cứu kết quả", exact: true }).click();
    await citizen.getByTestId("track-secret").fill(secret);
    await citizen.getByRole("button", { name: "Tra cứu" }).click();
    await expect.poll(() => citizen.getByTestId("track-status").textContent()).toContain("Đã tiếp nhận");
    expect((await citizen.getByTestId("track-result").textContent()) ?? "").not.toContain("Đặng Văn Sáu");

    const official = await (
      await env.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await official.goto(`${env.server.url}/letters`);
    await logIn(official, "xa.thapmuoi");
    await expect.poll(() => official.getByText(code).count()).toBeGreaterThan(0);
  });

  it("a commune chair's weekly reception: scheduled, held, a deputy's session flagged, the month checked", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/reception`);
    await logIn(page, "xa.thapmuoi");
    await page.getByTestId("reception-new-schedule").click();
    await choose(page, "Cơ quan", "Ủy ban nhân dân xã Tháp Mười");
    await page.getByTestId("schedule-name").fill("Nguyễn Văn An, Chủ tịch UBND xã");
    await page.getByTestId("schedule-save").click();
    const schedules = page.getByTestId("reception-schedules");
    await expect.poll(() => schedules.textContent()).toContain("Nguyễn Văn An");
    expect(await schedules.textContent()).toContain("1 ngày/tuần");
    await page.getByTestId("reception-new-session").click();
    await page.getByTestId("session-in-person").uncheck();
    await page.getByTestId("session-deputy").fill("Trần Thị Bé, Phó Chủ tịch UBND xã");
    // today is past 01/7/2026: the page says a deputy may no longer receive in the head's place
    await expect.poll(() => page.getByTestId("session-delegation-warning").count()).toBe(1);
    await page.getByTestId("session-citizens").fill("4");
    await page.getByLabel("Nội dung phản ánh").fill("Phản ánh về đường nội đồng");
    await page.getByTestId("session-save").click();
    await expect.poll(() => page.getByTestId("reception-delegation").count()).toBe(1);
    expect(await page.getByTestId("reception-sessions").textContent()).toContain("Trần Thị Bé");
    await page.screenshot({ path: "test-results/reception.png", fullPage: true });
    // the month's schedule as a notice: drafted in one step, opened to sign and number
    await page.getByTestId("reception-notice").click();
    await choose(page, "Cơ quan", "Ủy ban nhân dân xã Tháp Mười");
    await page.getByTestId("notice-save").click();
    await page.waitForURL(/\/drafts\/\d+/);
    await expect.poll(() => page.getByText(/Lịch tiếp công dân tháng/).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(/Nguyễn Văn An, Chủ tịch UBND xã: ngày/).count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: "test-results/reception-notice.png", fullPage: true });
    await page.goto(`${env.server.url}/reception`);
    // published for citizens: a phone, no sign-in, the chair's days
    await page.getByTestId("reception-publish").click();
    await expect.poll(() => page.getByTestId("reception-public-link").count()).toBe(1);
    const citizen = await (
      await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
    ).newPage();
    await citizen.goto(`${env.server.url}/public/reception/30037`);
    await expect.poll(() => citizen.getByTestId("public-schedule").count()).toBeGreaterThan(0);
    expect(await citizen.getByTestId("public-schedule").first().textContent()).toMatch(
      /Nguyễn Văn An.*\d{2}\/\d{2}\/\d{4}/,
    );
    const axe = await new AxeBuilder({ page: citizen }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await citizen.screenshot({ path: "test-results/reception-public.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // the menu folds away on a phone: let it
    await page.waitForTimeout(500);
    await page.screenshot({ path: "test-results/reception-phone.png", fullPage: true });
  });
  it("a dialogue with the people: its commitments recorded, one made a task of the commune's plan", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/reception`);
    await logIn(page, "xa.thapmuoi");
    await page.getByTestId("dialogue-new").click();
    await choose(page, "Cơ quan", "Ủy ban nhân dân xã Tháp Mười");
    await page.getByTestId("dialogue-chaired-by").fill("Nguyễn Văn An, Chủ tịch UBND xã");
    await page.getByTestId("dialogue-participants").fill("80");
    await page.getByTestId("dialogue-topics").fill("Cầu khỉ ấp 5 xuống cấp, học sinh đi lại nguy hiểm");
    await page.getByTestId("dialogue-commitment-0").fill("Xây cầu bê tông thay cầu khỉ ấp 5");
    const due = addDays(today, 90).split("-").reverse().join("/");
    await page.getByRole("dialog").getByLabel("Hạn thực hiện").first().fill(due);
    await page.getByTestId("dialogue-topics").click();
    await page.getByTestId("dialogue-save").click();
    const card = page.getByTestId(/^dialogue-\d+$/).filter({ hasText: "Cầu khỉ ấp 5" });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain(due);
    // made a task of the commune's plan in one step: its follow-up is now the task's
    await card.getByTestId("commitment-to-task").click();
    await choose(page, "Kế hoạch", /Kế hoạch thực hiện kết quả đối thoại/);
    await page.getByTestId("task-save").click();
    await expect.poll(() => card.getByTestId("commitment-task").count()).toBe(1);
    expect(await card.getByTestId("commitment-task").textContent()).toContain("Nhiệm vụ của");
    await page.screenshot({ path: "test-results/dialogues.png", fullPage: true });
    const results = await new AxeBuilder({ page }).include("[data-testid='dialogues']").analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await card.getByTestId("commitment-task").click();
    await page.waitForURL(/\/plans\/\d+/);
    await expect.poll(() => page.getByText(/Xây cầu bê tông thay cầu khỉ ấp 5/).count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${env.server.url}/reception`);
    await expect.poll(() => page.getByTestId("dialogues-summary").count()).toBe(1);
    await page.waitForTimeout(500);
    await page.screenshot({ path: "test-results/dialogues-phone.png", fullPage: true });
  });
  it("the province sees on its dashboard whether its communes kept their reception schedules", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/dashboard`);
    await logIn(page, "dongthap");
    const panel = page.getByTestId("reception-compliance");
    await expect.poll(() => panel.getByTestId("compliance-summary").count()).toBe(1);
    expect(await panel.getByTestId("compliance-summary").textContent()).toMatch(/\d+ đơn vị trực thuộc/);
    // the commune that schedules one day a month, short of the law's one a week
    await expect.poll(() => panel.getByText("Lịch chưa đủ mức tối thiểu").count()).toBeGreaterThan(0);
    expect(await panel.getByTestId("compliance-82").textContent()).toContain("Lãnh đạo của chính đơn vị");
    await panel.getByRole("button", { name: "Xem danh sách" }).click();
    await page.mouse.move(0, 0);
    expect(await panel.getByTestId("compliance-none").textContent()).toContain("Xã");
    const axe = await new AxeBuilder({ page }).include("[data-testid='reception-compliance']").analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/reception-compliance.png" });
    // each commune opens its own reception page, on the same month
    await panel.getByTestId("compliance-30037").getByRole("link", { name: "Xã Tháp Mười" }).click();
    await page.waitForURL(/\/reception\?unit=30037&month=\d{4}-\d{2}/);
    await expect.poll(() => page.getByTestId("reception-schedules").textContent()).toContain("Nguyễn Văn An");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${env.server.url}/dashboard`);
    await panel.getByTestId("compliance-summary").waitFor();
    await page.waitForTimeout(500);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/reception-compliance-phone.png" });
  });
  it("the quarter's report on reception and letters: the registers' figures, read-only, added up for the province", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/reports`);
    await logIn(page, "dongthap");
    await page.getByRole("navigation").waitFor();
    const requests = (await (await page.request.get(`${env.server.url}/api/requests`)).json()).items as {
      id: number;
      title: string;
    }[];
    const request = requests.find((r) => r.title.includes("tiếp công dân"));
    expect(request, JSON.stringify(requests.map((r) => r.title))).toBeTruthy();
    const got = await page.request.get(`${env.server.url}/api/requests/${request?.id}`);
    const detail = await got.json();
    expect(got.status(), JSON.stringify(detail).slice(0, 400)).toBe(200);
    const mine = detail.targets.find((x: { unitCode: string }) => x.unitCode === "30037");
    await page.goto(`${env.server.url}/submissions/${mine.id}`);
    const days = page.getByTestId("value-RECEPTION_DAYS");
    await days.waitFor();
    expect(await days.getAttribute("readonly")).not.toBeNull();
    expect(await page.getByTestId("kept-RECEPTION_DAYS").textContent()).toContain(
      "Tự động từ sổ tiếp công dân",
    );
    const sessions = await page.getByTestId("value-RECEPTION_SESSIONS").inputValue();
    expect(Number(sessions)).toBeGreaterThan(5);
    await page.screenshot({ path: "test-results/reception-report.png", fullPage: true });
    // the province's consolidation adds up what its communes sent
    await page.goto(`${env.server.url}/requests/${request?.id}`);
    await expect.poll(() => page.getByTestId("total-RECEPTION_SESSIONS").textContent()).toBe(sessions);
  });
  it("a complainant who disagrees with the commune's decision: the province registers the second round, linked", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/letters`);
    await logIn(page, "dongthap");
    await page.getByRole("navigation").waitFor();
    // the first round, through the API: received at the commune, accepted, resolved by its decision
    const me = await (await page.request.get(`${env.server.url}/api/auth/me`)).json();
    const call = async (method: "POST" | "PATCH" | "GET", url: string, data?: object) =>
      (
        await page.request.fetch(`${env.server.url}${url}`, {
          method,
          headers: { "x-csrf-token": me.csrfToken },
          ...(data ? { data } : {}),
        })
      ).json();
    const bodies = (await call("GET", "/api/units/30037/bodies")).items;
    const ubnd = bodies.find((b: { kind: string }) => b.kind === "people_committee").id;
    const made = await call("POST", "/api/letters", {
      bodyId: ubnd,
      kind: "complaint",
      channel: "post",
      receivedOn: addDays(today, -50),
      subject: "Khiếu nại quyết định xử phạt vi phạm hành chính",
      sender: { name: "Đỗ Văn Khiêm" },
    });
    const first = made.letter;
    let v = (await call("PATCH", `/api/letters/${first.id}`, { version: 1, eligible: true, competent: true }))
      .version;
    v = (
      await call("POST", `/api/letters/${first.id}/steps`, {
        version: v,
        action: "accept",
        on: addDays(today, -45),
      })
    ).version;
    const n = await call("POST", `/api/bodies/${ubnd}/document-numbers`, {
      typeCode: "QĐ",
      title: "Giải quyết khiếu nại",
    });
    const resolved = await call("POST", `/api/letters/${first.id}/steps`, {
      version: v,
      action: "resolve",
      on: addDays(today, -20),
      outcome: "unjustified",
      decisionNumberId: n.id,
    });
    expect(resolved.status).toBe("resolved");
    await page.goto(`${env.server.url}/letters/${first.id}`);
    await page.getByTestId("second-round").click();
    await expect.poll(() => page.getByTestId("intake-second-round").textContent()).toContain(first.code);
    await choose(page, "Cơ quan tiếp nhận", "Ủy ban nhân dân tỉnh Đồng Tháp");
    await page.getByTestId("intake-save").click();
    await expect.poll(() => page.getByTestId("second-round-done").count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByTestId("letter-links").textContent()).toMatch(/lần hai|second/i);
    // registered once: the action is gone
    expect(await page.getByTestId("second-round").count()).toBe(0);
    await page.screenshot({ path: "test-results/letter-second-round.png", fullPage: true });
  });
});
