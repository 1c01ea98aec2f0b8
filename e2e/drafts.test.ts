/**
 * Drafting documents in Chromium: the province's editor drafts a Kế hoạch of the People's Committee from its
 * template, assigns a task to a commune, saves, issues it (numbered, in the registry), then tracks it as a
 * plan; and drafts a công văn with its addressees, issues it and opens the report request it announces.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { choose, chooseUnit, logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();

async function startDraft(page: import("playwright-core").Page, kind: string, excerpt: string) {
  await page.goto(`${env.server.url}/drafts`);
  await page.getByTestId("draft-body").click();
  await page.getByRole("option", { name: "Ủy ban nhân dân tỉnh Đồng Tháp" }).click();
  await page.getByTestId("draft-kind").click();
  await page.getByRole("option", { name: kind, exact: true }).click();
  await page.getByTestId("draft-excerpt").fill(excerpt);
  await page.getByRole("button", { name: "Soạn", exact: true }).click();
  await page.waitForURL(/\/drafts\/\d+$/);
}

async function sign(page: import("playwright-core").Page) {
  await page.getByTestId("draft-authority").fill("TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch");
  await page.getByTestId("draft-signer").fill("Nguyễn Văn A");
}

async function issue(page: import("playwright-core").Page) {
  await page.getByTestId("draft-save").click();
  await expect.poll(() => page.getByTestId("draft-save").isDisabled()).toBe(true);
  await page.getByTestId("draft-issue").click();
  const [word] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("dialog").getByRole("button", { name: "Lấy số và ban hành" }).click(),
  ]);
  return word;
}

/** The province's editor, logged in, on the drafts page. */
async function provinceEditor() {
  const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(`${env.server.url}/drafts`);
  await logIn(page, "dongthap");
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
  return page;
}

describe("drafting documents in the browser", () => {
  it("a Kế hoạch from the template: a task to a commune, issued with its number, then tracked", async () => {
    const page = await provinceEditor();
    await startDraft(page, "Kế hoạch", "Triển khai công tác dân vận chính quyền năm 2027");
    // the template's headings are there to write under
    await expect.poll(() => page.getByTestId("draft-heading-0").inputValue()).toBe("I. MỤC ĐÍCH, YÊU CẦU");
    await page.getByTestId("draft-text-0").click();
    await page.keyboard.type("Nâng cao chất lượng công tác dân vận chính quyền.");
    await page.getByRole("button", { name: "Thêm nhiệm vụ" }).click();
    await page.getByTestId("draft-task-title-0").fill("Tổ chức đối thoại với Nhân dân");
    await chooseUnit(page, "Đơn vị thực hiện", "thap muoi", /^Xã Tháp Mười/);
    await page.getByTestId("draft-task-due-0").fill("30/06/2027");
    await page.keyboard.press("Escape");
    await sign(page);
    await page.screenshot({ path: "test-results/draft-plan.png", fullPage: true });
    const word = await issue(page);
    expect(word.suggestedFilename()).toMatch(/^\d+-kh-ubnd\.docx$/);
    await expect
      .poll(() => page.getByTestId("draft-status").textContent())
      .toMatch(/Đã ban hành · \d+\/KH-UBND/);
    // issued, it cannot be changed any more
    expect(await page.getByTestId("draft-save").count()).toBe(0);
    // the PDF has the number, the task table and the signature
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải PDF" }).click(),
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "danvan-e2e-draft-")), "kh.pdf");
    await pdf.saveAs(file);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/Số: \d+\/KH-UBND/);
    expect(text).toContain("Tổ chức đối thoại với Nhân dân");
    expect(text).toContain("30/06/2027");
    expect(text).toContain("Nguyễn Văn A");
    // one step: the issued plan becomes the tracked plan with its task
    await page.getByTestId("draft-track").click();
    await page.getByTestId("draft-plan-link").click();
    await page.waitForURL(/\/plans\/\d+$/);
    await expect.poll(() => page.getByText("Tổ chức đối thoại với Nhân dân").count()).toBeGreaterThan(0);
    // the tracked plan is corrected: a milestone marked done with its evidence, the plan stopped with a reason
    const planId = Number(page.url().split("/").at(-1));
    const csrf = (await (await page.request.get(`${env.server.url}/api/auth/me`)).json()).csrfToken;
    const plan = await (await page.request.get(`${env.server.url}/api/plans/${planId}`)).json();
    await page.request.post(`${env.server.url}/api/tasks/${plan.tasks[0].id}/milestones`, {
      headers: { "x-csrf-token": csrf },
      data: { title: "Hội nghị đối thoại", dueOn: "2026-11-30" },
    });
    await page.reload();
    await page.getByRole("button", { name: "Hoàn thành" }).click();
    await page.getByTestId("milestone-done-evidence").fill("Biên bản hội nghị ngày 28/11/2026");
    await page.getByRole("dialog").getByRole("button", { name: "Hoàn thành" }).click();
    await expect.poll(() => page.getByText(/Biên bản hội nghị ngày 28\/11\/2026/).count()).toBe(1);
    await page.getByTestId(`task-edit-${plan.tasks[0].id}`).click();
    await page
      .getByRole("dialog")
      .getByLabel("Nhiệm vụ", { exact: true })
      .fill("Tổ chức 2 cuộc đối thoại với Nhân dân");
    await page.getByRole("button", { name: "Lưu nhiệm vụ" }).click();
    await expect
      .poll(() => page.getByTestId("plan-tasks").getByText("Tổ chức 2 cuộc đối thoại với Nhân dân").count())
      .toBe(1);
    await page.getByTestId("plan-stop").click();
    await page.getByTestId("plan-stop-reason").fill("Gộp vào kế hoạch năm");
    await page.getByRole("dialog").getByRole("button", { name: "Dừng thực hiện" }).click();
    await expect.poll(() => page.getByTestId("plan-stopped").textContent()).toContain("Gộp vào kế hoạch năm");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.screenshot({ path: "test-results/plan-stopped.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goBack();
    await page.screenshot({ path: "test-results/draft-plan-phone.png", fullPage: true });
  });

  it("a công văn to the communes, issued, announces its report request", async () => {
    const page = await provinceEditor();
    await startDraft(page, "Công văn", "V/v báo cáo công tác dân vận năm 2026");
    await page.getByTestId("draft-drafting-unit").fill("VP");
    await page.getByTestId("draft-addressees").fill("Ủy ban nhân dân các xã, phường");
    await sign(page);
    await issue(page);
    await expect.poll(() => page.getByTestId("draft-status").textContent()).toMatch(/\d+\/UBND-VP/);
    const symbol = ((await page.getByTestId("draft-status").textContent()) ?? "").replace(/^.*· /, "");
    await page.screenshot({ path: "test-results/draft-letter.png", fullPage: true });
    await page.getByTestId("draft-request").click();
    await page.waitForURL(/\/reports\?cites=/);
    await expect.poll(() => page.getByLabel("Số công văn").inputValue()).toBe(symbol);
    await choose(page, "Kỳ báo cáo", "Năm");
    // the list of drafts shows both, issued, with their numbers
    await page.goto(`${env.server.url}/drafts`);
    await expect.poll(() => page.getByTestId("drafts").textContent()).toContain(symbol);
  });

  it("a Quyết định names the authority that issues it, from its signature or as written", async () => {
    const page = await provinceEditor();
    await startDraft(page, "Quyết định", "Về việc công nhận mô hình “Dân vận khéo” năm 2026");
    await page
      .getByTestId("draft-grounds")
      .fill("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;");
    await page.getByTestId("draft-authority").fill("KT. Chủ tịch\nPhó Chủ tịch");
    await page.getByTestId("draft-signer").fill("Nguyễn Văn A");
    // left empty, it follows the signature block: the chair decides
    const field = page.getByTestId("draft-authority-line");
    await expect
      .poll(() =>
        page.getByText("Để trống: theo khối chữ ký (CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP)").count(),
      )
      .toBe(1);
    await page.getByTestId("draft-authority").fill("TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch");
    await expect
      .poll(() => page.getByText("Để trống: theo khối chữ ký (ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP)").count())
      .toBe(1);
    await field.fill("Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp");
    await field.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/draft-decision.png" });
    const file = await issue(page);
    await expect.poll(() => page.getByTestId("draft-status").textContent()).toMatch(/\d+\/QĐ-UBND/);
    expect(file.suggestedFilename()).toMatch(/qd-ubnd\.docx$/i);
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("draft-pdf").click()]);
    const text = execFileSync("pdftotext", [(await pdf.path()) as string, "-"], { encoding: "utf8" });
    const excerptAt = text.indexOf("năm 2026");
    const authorityAt = text.indexOf("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP");
    expect(authorityAt).toBeGreaterThan(excerptAt);
    expect(authorityAt).toBeLessThan(text.indexOf("Căn cứ Luật"));
  });
});
