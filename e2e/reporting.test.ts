/**
 * The reporting journey in Chromium: the province issues a request, the commune fills it the Vietnamese way
 * (2.011 = 1.354 + 657), the draft autosaves, the commune submits on time, the province accepts, and the
 * province's consolidated draft shows the rolled-up number and the compiled narrative at once.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { choose, chooseUnit, logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();

/** The province issues a request of the Tháp Mười form to its communes through the API. */
async function issueToCommunes(referenceNo: string, periodCode: string) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.url}/reports`);
  await logIn(page, "dongthap");
  await page.getByRole("tab", { name: /Báo cáo cần gửi/ }).waitFor();
  const me = await (await context.request.get(`${env.server.url}/api/auth/me`)).json();
  const forms = await (await context.request.get(`${env.server.url}/api/forms`)).json();
  const created = await context.request.post(`${env.server.url}/api/requests`, {
    headers: { "x-csrf-token": me.csrfToken },
    data: {
      issuerUnitCode: "82",
      formId: forms.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id,
      period: { code: periodCode },
      referenceNo,
      targetLevel: "commune",
    },
  });
  expect(created.status()).toBe(201);
  await context.close();
}

/** The province's editor opens a new request of a quarter of 2026, its issuing unit the province's. */
async function newRequestOfQuarter(quarter: string) {
  const province = await (await env.browser.newContext()).newPage();
  await province.goto(`${env.server.url}/reports`);
  await logIn(province, "dongthap");
  await province.getByRole("button", { name: "Giao báo cáo" }).first().click();
  await expect.poll(() => province.getByTestId("issuer").inputValue()).toBe("Tỉnh Đồng Tháp");
  await choose(province, "Kỳ báo cáo", "Quý");
  await choose(province, "Năm", "2026");
  await choose(province, "Quý", quarter);
  return province;
}

describe("periodic reporting in the browser", () => {
  it("request → fill → submit → accept → consolidated", async () => {
    // the province issues the request
    // the issuing unit is the province's by name; the period is chosen in words
    const province = await newRequestOfQuarter("Quý IV");
    await expect.poll(() => province.getByTestId("period-words").textContent()).toBe("Quý IV/2026");
    await province.getByLabel("Số công văn").fill("777-CV/BTGDVTU");
    await expect.poll(() => province.getByText("Đề xuất theo chế độ báo cáo: 16/12/2026").count()).toBe(1);
    await expect.poll(() => province.getByText(/Sẽ giao cho \d+ đơn vị/).count()).toBe(1);
    await province.getByRole("button", { name: "Giao báo cáo" }).last().click();
    await province.waitForURL(/\/requests\/\d+/);
    const requestUrl = province.url();
    await expect.poll(() => province.getByTestId("targets").getByText("Xã Tháp Mười").count()).toBe(1);

    // the commune finds it in its inbox and fills it
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/reports`);
    await logIn(commune, "xa.thapmuoi");
    await commune
      .getByTestId("inbox")
      .getByRole("row", { name: /777-CV\/BTGDVTU/ })
      .getByRole("link")
      .click();
    await commune.waitForURL(/\/submissions\/\d+/);
    // the text as officials write it: a footnote from the toolbar, its note typed under the text
    const narrative = commune.getByTestId("narrative-I");
    await narrative.click();
    await commune.keyboard.type("Tình hình an ninh, trật tự ổn định");
    await commune.getByTestId("narrative-I-footnote").click();
    await commune.getByLabel("Chú thích 1").fill("Theo báo cáo của Công an xã.");
    await narrative.click();
    await commune.keyboard.press("End");
    await commune.keyboard.type("; Nhân dân đồng thuận.");
    await commune.getByTestId("value-DVK_MODELS_TOTAL").fill("2.012");
    await commune.getByTestId("value-DVK_MODELS_NEW").fill("1.354");
    await commune.getByTestId("value-DVK_MODELS_KEPT").fill("657");
    // the rule is checked while typing; submitting is blocked until it holds
    await expect.poll(() => commune.getByTestId("rule").count()).toBe(1);
    expect(await commune.getByRole("button", { name: "Gửi báo cáo" }).isDisabled()).toBe(true);
    await commune.getByTestId("value-DVK_MODELS_TOTAL").fill("2.011");
    await expect.poll(() => commune.getByTestId("rule").count()).toBe(0);
    await expect
      .poll(() => commune.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/Đã lưu/);
    // the autosaved draft survives a reload
    await commune.reload();
    await expect.poll(() => commune.getByTestId("value-DVK_MODELS_TOTAL").inputValue()).toBe("2.011");
    await commune.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect.poll(() => commune.getByTestId("status").first().textContent()).toBe("Đã gửi");
    expect(await commune.getByTestId("timeliness").first().textContent()).toBe("Đúng hạn");

    // the province sees it on time and accepts it
    await province.goto(requestUrl);
    const row = province.getByTestId("targets").getByRole("row", { name: /Xã Tháp Mười/ });
    await expect.poll(() => row.getByTestId("timeliness").textContent()).toBe("Đúng hạn");
    await row.getByRole("link", { name: "Xã Tháp Mười" }).click();
    await province.getByRole("button", { name: "Tiếp nhận" }).click();
    await province.getByRole("dialog").getByRole("button", { name: "Tiếp nhận" }).click();
    await expect.poll(() => province.getByTestId("status").first().textContent()).toBe("Đã tiếp nhận");

    // the consolidated draft shows the number and the narrative at once
    await province.goto(requestUrl);
    await expect.poll(() => province.getByTestId("total-DVK_MODELS_TOTAL").textContent()).toBe("2.011");
    await expect
      .poll(() => province.getByTestId("compiled-I").textContent())
      .toContain("Tình hình an ninh, trật tự ổn định");
    // the footnote shows as a superscript with its note below
    expect(await province.getByTestId("compiled-I").locator("sup").first().textContent()).toBe("1");
    expect(await province.getByTestId("compiled-I").textContent()).toContain("Theo báo cáo của Công an xã.");
    // the province writes its own text beside the excerpts; it is there after a reload
    // the province's own text starts from the communes' text, under their names
    await expect
      .poll(() => province.getByTestId("summary-I").textContent())
      .toContain("Xã Tháp Mười: Tình hình an ninh");
    await province.getByTestId("summary-I").fill("Tình hình chung ổn định; các xã báo cáo đúng hạn.");
    await province.getByTestId("save-summary").click();
    await expect.poll(() => province.getByTestId("summary-saved").count()).toBe(1);
    await province.reload();
    await expect
      .poll(() => province.getByTestId("summary-I").textContent())
      .toBe("Tình hình chung ổn định; các xã báo cáo đúng hạn.");
    await province.screenshot({ path: "test-results/request-page.png", fullPage: true });
  });

  it("warns before issuing a request that asks the same units for the same form and period", async () => {
    const province = await (await env.browser.newContext()).newPage();
    await province.goto(`${env.server.url}/reports`);
    await logIn(province, "dongthap");
    // the demo already asks every commune for the year 2026
    await province.getByRole("button", { name: "Giao báo cáo" }).first().click();
    await choose(province, "Đề cương, biểu mẫu", /^Báo cáo kết quả thực hiện công tác dân vận chính quyền/);
    await choose(province, "Kỳ báo cáo", "Năm");
    await choose(province, "Năm", "2026");
    await expect.poll(() => province.getByTestId("overlap").count()).toBe(1);
    const warning = province.getByTestId("overlap");
    expect(await warning.textContent()).toContain("báo cáo được tiếp nhận mới nhất của mỗi đơn vị");
    // the first request is named, with a link to it
    const link = warning.getByRole("link").first();
    expect(await link.getAttribute("href")).toMatch(/^\/requests\/\d+$/);
    // the button says why it waits, until the requester confirms
    const issue = province.getByRole("button", { name: "Giao báo cáo" }).last();
    expect(await issue.isDisabled()).toBe(true);
    expect(await province.getByTestId("why-disabled").textContent()).toContain("Đã có yêu cầu trùng");
    await province.getByTestId("overlap-confirm").check();
    expect(await issue.isDisabled()).toBe(false);
    await province.screenshot({ path: "test-results/overlap-warning.png", fullPage: true });
    await issue.click();
    await province.waitForURL(/\/requests\/\d+/);
    await expect.poll(() => province.getByTestId("notice").textContent()).toBe("Đã giao yêu cầu báo cáo");
  });

  it("a body asks the bodies of its own unit: the Ban Tuyên giáo và Dân vận asks the UBND and the UBMTTQ", async () => {
    const province = await newRequestOfQuarter("Quý III");
    // the công văn that asks is in the province's registry
    const me = await (await province.request.get(`${env.server.url}/api/auth/me`)).json();
    const registered = await province.request.post(`${env.server.url}/api/registry`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: {
        unitCode: "82",
        direction: "outgoing",
        numberSymbol: "24-CV/BTGDVTU",
        issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        issuedOn: "2026-07-02",
        excerpt: "V/v báo cáo công tác dân vận quý III năm 2026",
      },
    });
    expect(registered.status()).toBe(201);
    // every commune's People's Committee: the demo has ten (Xã Tháp Mười's and those of the letters' communes)
    await choose(province, "Cơ quan báo cáo ở mỗi đơn vị", "Ủy ban nhân dân");
    await expect.poll(() => province.getByText("Sẽ giao cho 10 đơn vị").count()).toBe(1);
    await province.getByTestId("ask-mode").getByText("Từng cơ quan (cùng cấp, cấp dưới)").click();
    await choose(province, "Cơ quan yêu cầu", "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp");
    // only the bodies the rules let it ask are offered: not the Tỉnh ủy
    expect(await province.getByTestId("why-disabled").textContent()).toContain("ít nhất một cơ quan");
    await province.getByTestId("target-bodies").click();
    await expect.poll(() => province.getByRole("option", { name: "Tỉnh ủy Đồng Tháp" }).count()).toBe(0);
    await province.getByRole("option", { name: "Ủy ban nhân dân tỉnh Đồng Tháp" }).click();
    await province.getByRole("option", { name: "Ủy ban MTTQ Việt Nam tỉnh Đồng Tháp" }).click();
    await province.keyboard.press("Escape");
    await province.getByLabel("Số công văn").fill("24-CV/BTGDVTU");
    await expect.poll(() => province.getByText(/Trong sổ văn bản: ngày 02\/07\/2026/).count()).toBe(1);
    await province.setViewportSize({ width: 1366, height: 900 });
    await province.screenshot({ path: "test-results/request-to-bodies.png", fullPage: true });
    await province.setViewportSize({ width: 390, height: 844 });
    await province.screenshot({ path: "test-results/request-to-bodies-phone.png", fullPage: true });
    await province.setViewportSize({ width: 1366, height: 900 });
    await province.getByRole("button", { name: "Giao báo cáo" }).last().click();
    await province.waitForURL(/\/requests\/\d+/);
    const targets = province.getByTestId("targets");
    await expect.poll(() => targets.getByText("Tỉnh Đồng Tháp").count()).toBe(2);
    // the bodies' editors find their reports in their inbox
    await province.goto(`${env.server.url}/reports`);
    await expect
      .poll(() =>
        province
          .getByTestId("inbox")
          .getByRole("row", { name: /24-CV\/BTGDVTU/ })
          .count(),
      )
      .toBe(2);
    // the People's Committee's report opens by citing the công văn, in its own name
    await province
      .getByTestId("inbox")
      .getByRole("row", { name: /24-CV\/BTGDVTU/ })
      .filter({ hasText: "Ủy ban nhân dân tỉnh Đồng Tháp" })
      .getByRole("link")
      .first()
      .click();
    await province.waitForURL(/\/submissions\/\d+/);
    await expect
      .poll(() => province.getByTestId("opening-line").textContent())
      .toBe(
        // both bodies of the province: named without its place name, as the document names them
        "Thực hiện Công văn số 24-CV/BTGDVTU ngày 02 tháng 7 năm 2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy về việc báo cáo công tác dân vận quý III năm 2026, Ủy ban nhân dân tỉnh báo cáo như sau:",
      );
    await province.screenshot({ path: "test-results/answer-opening-line.png", fullPage: true });
    // the answer becomes the People's Committee's own document: its signature block kept for next time
    const panel = province.getByTestId("answer-document");
    await panel
      .getByTestId("answer-document-authority")
      .fill("TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch");
    await panel.getByTestId("answer-document-signer").fill("Nguyễn Văn A");
    await panel.getByTestId("answer-document-recipients").fill("Văn phòng Tỉnh ủy\nLưu: VT, NC");
    await panel.getByTestId("answer-document-remember").check();
    await panel.getByText("Lấy số ngay").click();
    const [word] = await Promise.all([
      province.waitForEvent("download"),
      panel.getByTestId("answer-document-docx").click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/bc-ubnd\.docx$/i);
    await expect
      .poll(() => panel.getByTestId("answer-document-number").textContent())
      .toMatch(/^Văn bản số \d+\/BC-UBND$/);
    await panel.scrollIntoViewIfNeeded();
    await province.screenshot({ path: "test-results/answer-document.png", fullPage: true });
    await province.setViewportSize({ width: 390, height: 844 });
    await province.screenshot({ path: "test-results/answer-document-phone.png", fullPage: true });
    await province.setViewportSize({ width: 1366, height: 900 });
    // kept with the body: the next answer opens with it
    await province.reload();
    await expect.poll(() => province.getByTestId("answer-document-signer").inputValue()).toBe("Nguyễn Văn A");
  });

  it("a body asks bodies of its own unit and of a commune found by name, on a plan", async () => {
    const province = await newRequestOfQuarter("Quý II");
    const me = await (await province.request.get(`${env.server.url}/api/auth/me`)).json();
    const plan = await province.request.post(`${env.server.url}/api/plans`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { unitCode: "82", title: "Kế hoạch số 30-KH/BTGDVTU về công tác dân vận năm 2026" },
    });
    expect(plan.status()).toBe(201);
    await province.getByTestId("ask-mode").getByText("Từng cơ quan (cùng cấp, cấp dưới)").click();
    await choose(province, "Cơ quan yêu cầu", "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp");
    await province.getByTestId("target-bodies").click();
    await province.getByRole("option", { name: "Ủy ban nhân dân tỉnh Đồng Tháp" }).click();
    await province.keyboard.press("Escape");
    // a commune's Đảng ủy, its commune typed without accents
    await chooseUnit(province, "Thêm cơ quan của đơn vị cấp dưới", "thap muoi", /^Xã Tháp Mười/);
    await province.getByTestId("lower-bodies").click();
    await province.getByRole("option", { name: "Đảng ủy xã Tháp Mười", exact: true }).click();
    await province.keyboard.press("Escape");
    await choose(province, "Kế hoạch được báo cáo", "Kế hoạch số 30-KH/BTGDVTU về công tác dân vận năm 2026");
    await province.screenshot({ path: "test-results/request-mixed-bodies.png", fullPage: true });
    await province.setViewportSize({ width: 390, height: 844 });
    await province.screenshot({ path: "test-results/request-mixed-bodies-phone.png", fullPage: true });
    await province.setViewportSize({ width: 1366, height: 900 });
    await province.getByRole("button", { name: "Giao báo cáo" }).last().click();
    await province.waitForURL(/\/requests\/\d+/);
    const id = Number(/\/requests\/(\d+)/.exec(province.url())?.[1]);
    const detail = await (await province.request.get(`${env.server.url}/api/requests/${id}`)).json();
    expect(detail.planId).toBe((await plan.json()).id);
    expect(detail.targetBodyKind).toBe("mixed");
    expect(detail.targets.map((x: { unitCode: string }) => x.unitCode).sort()).toEqual(["30037", "82"]);
  });

  it("a chain of three levels: the province asks the commune's Đảng ủy, which asks its UBND, each level by its deadline", async () => {
    const province = await (await env.browser.newContext()).newPage();
    await province.goto(`${env.server.url}/reports`);
    await logIn(province, "dongthap");
    await province.getByRole("button", { name: "Đăng xuất" }).waitFor();
    const api = async (page: typeof province, method: "GET" | "POST", url: string, data?: object) => {
      if (method === "GET") return (await page.request.get(`${env.server.url}${url}`)).json();
      const me = await (await page.request.get(`${env.server.url}/api/auth/me`)).json();
      const r = await page.request.post(`${env.server.url}${url}`, {
        headers: { "x-csrf-token": me.csrfToken },
        data,
      });
      return r.json();
    };
    const bodiesOf = async (unit: string) =>
      (
        (await api(province, "GET", `/api/units/${unit}/bodies`)).items as { id: number; kind: string }[]
      ).reduce((m, b) => m.set(b.kind, b.id), new Map<string, number>());
    const [p82, c30037] = [await bodiesOf("82"), await bodiesOf("30037")];
    const forms = (await api(province, "GET", "/api/forms")).items as { id: number; code: string }[];
    const formId = forms.find((f) => f.code === "dvcq-thap-muoi")?.id;
    const up = await api(province, "POST", "/api/requests", {
      issuerUnitCode: "82",
      issuerBodyId: p82.get("propaganda_mass_mobilization_board"),
      formId,
      period: { code: "2026Q1" },
      targetBodyIds: [c30037.get("party_committee")],
      deadline: "2026-12-28",
      allowOverlap: true,
    });
    const owed = (await api(province, "GET", `/api/requests/${up.id}`)).targets[0].id;
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/reports`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByRole("button", { name: "Đăng xuất" }).waitFor();
    const down = await api(commune, "POST", "/api/requests", {
      issuerUnitCode: "30037",
      issuerBodyId: c30037.get("party_committee"),
      formId,
      period: { code: "2026Q1" },
      targetBodyIds: [c30037.get("people_committee")],
      answersSubmissionId: owed,
      deadline: "2026-12-21",
      allowOverlap: true,
    });
    expect(down.id, JSON.stringify(down)).toBeGreaterThan(0);
    // seen from below: what the request gathers for, and by when
    await commune.goto(`${env.server.url}/requests/${down.id}`);
    await expect.poll(() => commune.getByTestId("request-chain").textContent()).toContain("28/12/2026");
    await commune.screenshot({ path: "test-results/request-chain.png", fullPage: true });
    // seen from above: the report owed upward lists what was asked of the units below
    await commune.getByTestId("request-chain").getByRole("link").click();
    await commune.waitForURL(/\/submissions\/\d+/);
    await expect.poll(() => commune.getByTestId("gathering").textContent()).toContain("21/12/2026");
    await commune.setViewportSize({ width: 390, height: 844 });
    await commune.screenshot({ path: "test-results/request-chain-phone.png", fullPage: true });
    await commune.setViewportSize({ width: 1366, height: 900 });
    // from the report owed upward, the form to ask below opens gathering for it, issued by the body that owes it
    await commune.getByTestId("ask-below").click();
    await expect.poll(() => commune.getByTestId("owed-note").textContent()).toContain("28/12/2026");
    await expect.poll(() => commune.getByTestId("issuer").inputValue()).toBe("Xã Tháp Mười");
    await commune.getByTestId("ask-mode").getByText("Từng cơ quan (cùng cấp, cấp dưới)").click();
    await expect.poll(() => commune.getByTestId("issuer-body").inputValue()).toBe("Đảng ủy xã Tháp Mười");
    await choose(commune, "Kỳ báo cáo", "Quý");
    await choose(commune, "Năm", "2026");
    await choose(commune, "Quý", "Quý I");
    await commune.getByTestId("target-bodies").click();
    await commune.getByRole("option", { name: "Ủy ban MTTQ Việt Nam xã Tháp Mười" }).click();
    await commune.keyboard.press("Escape");
    await commune.getByLabel("Hạn gửi").fill("22/12/2026");
    await commune.getByRole("button", { name: "Giao báo cáo" }).last().click();
    await commune.waitForURL(/\/requests\/\d+/);
    await expect.poll(() => commune.getByTestId("request-chain").textContent()).toContain("28/12/2026");
    // the UBND answers the first request on time, and the province's approver accepts it
    const ubnd = (await api(commune, "GET", `/api/requests/${down.id}`)).targets[0];
    const sent = await api(commune, "POST", `/api/submissions/${ubnd.id}/submit`, {
      version: ubnd.version,
      values: { DISSEMINATION_SESSIONS: { "": "9" } },
      narrative: { I: "Tình hình ổn định." },
    });
    const approver = await (await env.browser.newContext()).newPage();
    await approver.goto(`${env.server.url}/reports`);
    await logIn(approver, "duyet.dongthap");
    await approver.getByRole("button", { name: "Đăng xuất" }).waitFor();
    await api(approver, "POST", `/api/submissions/${ubnd.id}/accept`, { version: sent.submission.version });
    // the committee's own report starts from what its UBND sent, and carries it when sent
    await commune.goto(`${env.server.url}/submissions/${owed}`);
    // two requests sent down: the UBND answered, the Front not yet
    await expect.poll(() => commune.getByTestId("gathering").textContent()).toContain("1/1 đã gửi");
    await expect.poll(() => commune.getByTestId("gathering").textContent()).toContain("Chưa gửi:");
    await commune.getByTestId("take-gathered").click();
    await expect.poll(() => commune.getByTestId("gathered-result").textContent()).toContain("1/2");
    await expect.poll(() => commune.getByTestId("value-DISSEMINATION_SESSIONS").inputValue()).toBe("9");
    await commune.screenshot({ path: "test-results/gathered-draft.png", fullPage: true });
    await commune.getByTestId("value-DISSEMINATION_SESSIONS").fill("10");
    await commune.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect.poll(() => commune.getByTestId("carried").textContent()).toContain("1/1 đã gửi");
    await expect
      .poll(() => commune.getByTestId("carried-differences").textContent())
      .toContain("báo cáo 10, cấp dưới 9");
    await commune.getByTestId("carried").scrollIntoViewIfNeeded();
    await commune.screenshot({ path: "test-results/gathered-carried.png" });
  });

  it("in English too: the overlapping request is warned, and issued only when confirmed", async () => {
    const province = await (await env.browser.newContext()).newPage();
    await province.goto(`${env.server.url}/reports`);
    await logIn(province, "dongthap");
    await province.getByRole("button", { name: "English" }).click();
    // the demo already asks every commune for the year 2025
    await province.getByRole("button", { name: "Request a report" }).first().click();
    await choose(province, "Outline / form", /^Report on government mass-mobilisation work/);
    await choose(province, "Reporting period", "Year");
    await choose(province, "Year", "2025");
    await expect.poll(() => province.getByTestId("overlap").count()).toBe(1);
    expect(await province.getByTestId("overlap").textContent()).toContain("latest accepted report");
    const issue = province.getByRole("button", { name: "Issue" }).last();
    expect(await issue.isDisabled()).toBe(true);
    expect(await province.getByTestId("why-disabled").textContent()).toContain(
      "A request already asks the same units",
    );
    await province.getByTestId("overlap-confirm").check();
    await issue.click();
    await province.waitForURL(/\/requests\/\d+/);
    await expect.poll(() => province.getByTestId("notice").textContent()).toBe("The request was issued");
  });

  it("shows the demo years' timeliness as a heat-map of communes × periods", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/reports`);
    await logIn(page, "dongthap");
    await page.getByRole("tab", { name: "Tình hình gửi báo cáo" }).click();
    await expect.poll(() => page.getByTestId("heatmap").locator("canvas").count()).toBeGreaterThan(0);
    const box = await page.getByTestId("heatmap").boundingBox();
    expect(box?.height).toBeGreaterThan(1000); // a row per commune of Đồng Tháp
    await page.screenshot({ path: "test-results/heatmap.png" });
  });

  it("fills a report offline in Excel: download the template, upload it, see the numbers", async () => {
    // the province issues a request through the API (the first journey covers the form)
    await issueToCommunes("888-CV/BTGDVTU", "2027Q1");

    const commune = await (await env.browser.newContext({ acceptDownloads: true })).newPage();
    await commune.goto(`${env.server.url}/reports`);
    await logIn(commune, "xa.thapmuoi");
    await commune
      .getByTestId("inbox")
      .getByRole("row", { name: /888-CV\/BTGDVTU/ })
      .getByRole("link")
      .click();
    await commune.waitForURL(/\/submissions\/\d+/);
    const [file] = await Promise.all([
      commune.waitForEvent("download"),
      commune.getByRole("button", { name: "Tải mẫu Excel" }).click(),
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "danvan-e2e-"));
    const templatePath = path.join(dir, "mau.xlsx");
    await file.saveAs(templatePath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templatePath);
    const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    const fill: Record<string, number> = {
      DVK_MODELS_TOTAL: 2011,
      DVK_MODELS_NEW: 1354,
      DVK_MODELS_KEPT: 657,
    };
    for (let r = 5; r <= ws.rowCount; r++) {
      const code = String(ws.getCell(`C${r}`).value);
      if (code in fill && !ws.getCell(`D${r}`).value) ws.getCell(`G${r}`).value = fill[code] ?? null;
    }
    const filledPath = path.join(dir, "da-nhap.xlsx");
    await wb.xlsx.writeFile(filledPath);
    await commune.locator('input[type="file"]').setInputFiles(filledPath);
    await expect.poll(() => commune.getByText("Đã nhập 3 số liệu từ Excel").count()).toBe(1);
    await expect.poll(() => commune.getByTestId("value-DVK_MODELS_TOTAL").inputValue()).toBe("2.011");
    expect(await commune.getByTestId("value-DVK_MODELS_KEPT").inputValue()).toBe("657");
  });

  it("keeps Word's paragraphs, lists and footnotes on paste, and bold typed from the keyboard", async () => {
    await issueToCommunes("999-CV/BTGDVTU", "2027Q2");

    const communeContext = await env.browser.newContext();
    const commune = await communeContext.newPage();
    await commune.goto(`${env.server.url}/reports`);
    await logIn(commune, "xa.thapmuoi");
    await commune
      .getByTestId("inbox")
      .getByRole("row", { name: /999-CV\/BTGDVTU/ })
      .getByRole("link")
      .click();
    await commune.waitForURL(/\/submissions\/\d+/);
    const submissionId = Number(commune.url().split("/").pop());
    // what Word puts on the clipboard: a paragraph with a footnote reference, a two-item list drawn with
    // its own bullet glyphs, and the notes at the end
    const word = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>',
      '<p class="MsoNormal">Các xã tổ chức đối thoại<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1">',
      '<span class="MsoFootnoteReference">[1]</span></a> với Nhân dân.</p>',
      '<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">-',
      "&nbsp;</span>Đối thoại về đất đai;</p>",
      '<p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">-',
      "&nbsp;</span>Đối thoại về môi trường.</p>",
      '<div style="mso-element:footnote-list"><div style="mso-element:footnote" id="ftn1">',
      '<p class="MsoFootnoteText"><a style="mso-footnote-id:ftn1" href="#_ftnref1" name="_ftn1">[1]</a>',
      " Theo Kế hoạch số 12-KH/ĐU.</p></div></div></body></html>",
    ].join("");
    const editor = commune.getByTestId("narrative-I");
    await editor.click();
    await editor.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "Các xã tổ chức đối thoại với Nhân dân.");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, word);
    await expect.poll(() => editor.locator("li").count()).toBe(2);
    expect(await editor.locator("li").first().textContent()).toBe("Đối thoại về đất đai;");
    expect(await editor.locator("sup").count()).toBe(1);
    expect(await commune.getByLabel("Chú thích 1").inputValue()).toBe("Theo Kế hoạch số 12-KH/ĐU.");
    // bold from the keyboard, at the end of the text
    await commune.keyboard.press("Control+End");
    await commune.keyboard.press("Enter");
    await commune.keyboard.press("Enter");
    await commune.keyboard.press("Control+b");
    await commune.keyboard.type("Kết quả nổi bật");
    await expect.poll(() => editor.locator("strong").textContent()).toBe("Kết quả nổi bật");
    // the draft keeps it in the one narrative model the documents read
    const stored = async () => {
      const res = await communeContext.request.get(`${env.server.url}/api/submissions/${submissionId}`);
      return ((await res.json()).submission.narrative.I ?? "") as string;
    };
    await expect
      .poll(stored, { timeout: 15_000 })
      .toBe(
        "Các xã tổ chức đối thoại[^1] với Nhân dân.\n- Đối thoại về đất đai;\n- Đối thoại về môi trường.\n\n" +
          "**Kết quả nổi bật**\n\n[^1]: Theo Kế hoạch số 12-KH/ĐU.",
      );
    await commune.reload();
    await expect.poll(() => commune.getByTestId("narrative-I").locator("li").count()).toBe(2);
    expect(await commune.getByTestId("narrative-I").locator("strong").textContent()).toBe("Kết quả nổi bật");
  });

  it("in English: figures typed 2,011 are read as two thousand and eleven, shown 2.011 in Vietnamese", async () => {
    await issueToCommunes("555-CV/BTGDVTU", "2027Q3");
    const context = await env.browser.newContext();
    const commune = await context.newPage();
    await commune.goto(`${env.server.url}/reports`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByRole("button", { name: "English" }).click();
    await commune
      .getByTestId("inbox")
      .getByRole("row", { name: /555-CV\/BTGDVTU/ })
      .getByRole("link")
      .click();
    await commune.waitForURL(/\/submissions\/\d+/);
    const id = Number(commune.url().split("/").pop());
    await commune.getByTestId("value-DVK_MODELS_TOTAL").fill("2,011");
    await commune.getByTestId("value-DVK_MODELS_NEW").fill("1,354");
    await commune.getByTestId("value-DVK_MODELS_KEPT").fill("657");
    // new + kept = total holds: the English grouping was read as grouping, not as decimals
    await expect.poll(() => commune.getByTestId("rule").count()).toBe(0);
    await expect
      .poll(() => commune.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/Saved/);
    const stored = await (await context.request.get(`${env.server.url}/api/submissions/${id}`)).json();
    expect(stored.submission.values.DVK_MODELS_TOTAL[""]).toBe("2011");
    // back in Vietnamese the same figure is written the Vietnamese way, and still reads 2011
    await commune.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect.poll(() => commune.getByTestId("value-DVK_MODELS_TOTAL").inputValue()).toBe("2.011");
    expect(await commune.getByTestId("rule").count()).toBe(0);
    // the dashboard in English: 2,500 and "down 12.5% on a year earlier"
    await commune.getByRole("button", { name: "English" }).click();
    await commune.goto(`${env.server.url}/dashboard`);
    await expect.poll(() => commune.getByTestId("card-DVK_MODELS_TOTAL").count()).toBe(1);
    const trend = (await commune.getByTestId("trend-DVK_MODELS_TOTAL").textContent()) ?? "";
    expect(trend).toMatch(/^(up|down) \d+(\.\d+)?% on a year earlier$|^same as a year earlier$/);
    await context.close();
  });

  it("shows the dashboard with the change on a year earlier, and drills down from the country", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/dashboard`);
    await logIn(page, "admin");
    await expect.poll(() => page.getByTestId("card-DVK_MODELS_TOTAL").count()).toBe(1);
    expect(await page.getByTestId("trend-DVK_MODELS_TOTAL").textContent()).toMatch(
      /(tăng|giảm) [\d,]+% so với cùng kỳ|bằng cùng kỳ/,
    );
    await page.getByTestId("drill").getByText("Tỉnh Đồng Tháp").click();
    await expect.poll(() => page.getByTestId("drill").getByText("Xã Tháp Mười").count()).toBe(1);
    expect(await page.getByTestId("trail").textContent()).toContain("Tỉnh Đồng Tháp");
    // the province's figure is the sum of the accepted reports of its communes, shown in the table below
    const card = (await page.getByTestId("card-DVK_MODELS_TOTAL").locator("p").nth(1).textContent()) ?? "";
    const latest = ((await page.getByText(/^Kỳ gần nhất đã kết thúc có số liệu: /).textContent()) ?? "")
      .replace("Kỳ gần nhất đã kết thúc có số liệu: ", "")
      .split(" · ")[0] as string;
    const header = page.getByTestId("drill").locator("thead th");
    const headers = await header.allTextContents();
    const column = headers.indexOf(latest);
    expect(column).toBeGreaterThan(0);
    const cells = await page
      .getByTestId("drill")
      .locator(`tbody tr td:nth-child(${column + 1})`)
      .allTextContents();
    const sum = cells.filter((c) => c !== "—").reduce((a, c) => a + Number(c.replaceAll(".", "")), 0);
    expect(Number(card.replace(/\D/g, ""))).toBe(sum);
    // periods in words; before the reform, the same territory, and the chart says so
    expect(headers).toContain("Năm 2024");
    await expect.poll(() => page.getByTestId("reform-note").count()).toBe(1);
    await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });
    await page.getByTestId("drill").getByText("Xã Tháp Mười").click();
    await expect.poll(() => page.getByTestId("drill").getByText("Ấp Mỹ Hòa").count()).toBe(1);
  });

  it("shows the report forms and lets a system admin build a new version and a new form", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/forms`);
    await logIn(page, "admin");
    await page
      .getByText("Báo cáo kết quả thực hiện công tác dân vận chính quyền (đề cương Tháp Mười)")
      .click();
    await expect.poll(() => page.getByText("Đánh giá chung").count()).toBeGreaterThan(0);
    const builder = page.getByTestId("form-builder");
    // the builder opens on the click; a click lost while the section unfolds is made again
    await expect
      .poll(async () => {
        if ((await builder.count()) === 0)
          await page.getByRole("button", { name: "Tạo phiên bản mới" }).click();
        return builder.count();
      })
      .toBe(1);
    const name = builder.getByTestId("form-name-vi");
    await name.fill(
      (await name.inputValue()).replace("(đề cương Tháp Mười)", "(đề cương Tháp Mười, sửa đổi 2027)"),
    );
    // a rule naming an indicator that is not on the form: refused, shown at the rule, nothing stored
    await builder.getByRole("button", { name: "Thêm quy tắc" }).click();
    const rules = builder.locator('[data-testid^="rule-"]');
    const rule = rules.last();
    await rule.getByLabel("Vế trái").fill("KHONG_CO");
    await rule.getByLabel("Vế phải").fill("0");
    await rule.getByLabel("Thông báo khi vi phạm (tiếng Việt)").fill("Không được có");
    await rule.getByLabel("Thông báo khi vi phạm (tiếng Anh)").fill("Must not be");
    await builder.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await expect.poll(() => rule.getByText("KHONG_CO").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("forms").getByText("v2").count()).toBe(0);
    await rule.getByRole("button", { name: "Bỏ quy tắc" }).click();
    await builder.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await expect.poll(() => page.getByText("(đề cương Tháp Mười, sửa đổi 2027)").count()).toBe(1);
    await expect.poll(() => page.getByTestId("forms").getByText("v2").count()).toBe(1);

    // a new form from nothing: a narrative part and a table of one indicator broken down by field
    await page.getByRole("button", { name: "Thêm biểu mẫu mới" }).click();
    const fresh = page.getByTestId("form-builder");
    await fresh.getByRole("button", { name: "Lưu biểu mẫu" }).click();
    await expect.poll(() => fresh.getByText("Chưa nhập tên tiếng Việt").count()).toBe(1); // checked before sending
    await fresh.getByLabel("Mã biểu mẫu").fill("dv-mo-hinh-quy");
    await fresh.getByTestId("form-name-vi").fill("Báo cáo nhanh mô hình dân vận khéo");
    await fresh
      .getByLabel("Tên biểu mẫu (tiếng Anh)")
      .fill("Quick report on skilful mass mobilisation models");
    await fresh.getByTestId("section-0-title-vi").fill("Tình hình chung");
    await fresh.getByTestId("section-0-title-en").fill("Overview");
    await fresh.getByRole("button", { name: "Thêm phần sau mục này" }).click();
    await fresh.getByTestId("section-1-title-vi").fill("Số liệu mô hình");
    await fresh.getByTestId("section-1-title-en").fill("Model figures");
    await fresh.getByTestId("section-1-kind").click();
    await page.getByRole("option", { name: "bảng chỉ tiêu" }).click();
    await fresh.getByRole("button", { name: "Thêm dòng chỉ tiêu" }).click();
    const row = fresh.getByTestId("section-1-row-0");
    await row.getByLabel("Chỉ tiêu").fill("DVK_MODELS_TOTAL");
    await page.getByRole("option", { name: /^DVK_MODELS_TOTAL — / }).click();
    await row.getByLabel("Phân tổ").click();
    await page.getByRole("option", { name: /^Phân tổ theo field \(kinh tế/ }).click();
    await fresh.screenshot({ path: "test-results/form-builder.png" });
    // cancelling asks first, and keeping on loses nothing
    await fresh.getByRole("button", { name: "Hủy" }).click();
    await fresh.getByTestId("discard-confirm").getByRole("button", { name: "Tiếp tục sửa" }).click();
    expect(await fresh.getByTestId("section-1-title-vi").inputValue()).toBe("Số liệu mô hình");
    await fresh.getByRole("button", { name: "Lưu biểu mẫu" }).click();
    await expect.poll(() => page.getByText("Báo cáo nhanh mô hình dân vận khéo").count()).toBe(1);
    const stored = await (await page.request.get(`${env.server.url}/api/forms`)).json();
    const made = stored.items.find((f: { code: string }) => f.code === "dv-mo-hinh-quy");
    expect(made.sections).toEqual([
      { key: "I", depth: 1, titleVi: "Tình hình chung", titleEn: "Overview", kind: "narrative" },
      {
        key: "II",
        depth: 1,
        titleVi: "Số liệu mô hình",
        titleEn: "Model figures",
        kind: "table",
        rows: [{ indicator: "DVK_MODELS_TOTAL", by: "field" }],
      },
    ]);
  });
});
