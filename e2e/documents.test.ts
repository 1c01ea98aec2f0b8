/**
 * The registry of outgoing documents in Chromium: the province's editor takes the next number for a report of
 * the People's Committee, sees it in the registry, and cancels it after confirming (it stays, marked).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdfFile } from "../test/fixtures/files.ts";
import { chooseUnit, logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();

describe("document numbers in the browser", () => {
  it("take a number, see it in the registry, cancel it with a reason", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/documents`);
    await logIn(page, "dongthap");
    await page.getByTestId("document-body").click();
    await page.getByRole("option", { name: "Ủy ban nhân dân tỉnh Đồng Tháp (UBND)" }).click();
    await page.getByTestId("document-title").fill("Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU");
    await page.getByRole("button", { name: "Lấy số" }).click();
    await expect
      .poll(() => page.getByTestId("document-taken").textContent())
      .toMatch(/^Đã cấp Số: \d{2,}\/BC-UBND$/);
    const taken = ((await page.getByTestId("document-taken").textContent()) ?? "").replace("Đã cấp Số: ", "");
    const row = page.getByTestId("document-registry").getByRole("row", { name: new RegExp(taken) });
    await expect.poll(() => row.getByText("Đã cấp").count()).toBe(1);

    // a State công văn: no type code, the drafting unit after the issuer
    await page.getByTestId("document-type").click();
    await page.getByRole("option", { name: "Công văn (không có tên loại)" }).click();
    await page.getByLabel("Đơn vị soạn thảo (viết tắt)").fill("nv");
    await page.getByTestId("document-title").fill("V/v triển khai Chỉ thị số 33/CT-TTg");
    await page.getByRole("button", { name: "Lấy số" }).click();
    await expect.poll(() => page.getByTestId("document-taken").textContent()).toMatch(/\/UBND-NV$/);

    // cancelling asks first, needs a reason, and keeps the number in the registry
    await row.getByRole("button", { name: "Hủy số" }).click();
    await expect.poll(() => page.getByText(/Số đã hủy vẫn được ghi trong sổ/).count()).toBe(1);
    await page.getByTestId("cancel-reason").fill("Lấy nhầm loại văn bản");
    await page.getByRole("dialog").getByRole("button", { name: "Hủy số" }).click();
    await expect.poll(() => row.getByText("Đã hủy").count()).toBe(1);
    await expect.poll(() => row.getByText("Hủy: Lấy nhầm loại văn bản").count()).toBe(1);
  });

  it("lists a Party committee's terms and adds one; an overlapping term is refused", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/documents`);
    await logIn(page, "admin");
    // the unit by its name, accents optional
    await chooseUnit(page, "Đơn vị", "dong thap", /Tỉnh Đồng Tháp/);
    await page.getByTestId("document-body").click();
    await page.getByRole("option", { name: "Tỉnh ủy Đồng Tháp (TU)" }).click();
    const terms = page.getByTestId("party-terms");
    await expect.poll(() => terms.getByText("nhiệm kỳ 2025–2030").count()).toBe(1);
    expect(await terms.getByText("01/10/2025 – nay").count()).toBe(1);
    const addTerm = async (name: string, from: string, to?: string) => {
      await page.getByTestId("term-name").fill(name);
      await page.getByTestId("term-starts").fill(from);
      if (to) await page.getByLabel("Nhiệm kỳ kết thúc ngày").fill(to);
      await page.getByTestId("term-name").click(); // leave the date fields so they take the typed dates
      await page.getByRole("button", { name: "Thêm nhiệm kỳ" }).click();
    };
    await addTerm("nhiệm kỳ 2030–2035", "01/10/2030");
    await expect.poll(() => page.getByText(/trùng với nhiệm kỳ "nhiệm kỳ 2025–2030"/).count()).toBe(1);
    expect(await terms.getByText("nhiệm kỳ 2030–2035").count()).toBe(0);
    await addTerm("nhiệm kỳ 2015–2020", "01/10/2015", "15/10/2020");
    await expect.poll(() => terms.getByText("nhiệm kỳ 2015–2020").count()).toBe(1);
    expect(await terms.getByText("01/10/2015 – 15/10/2020").count()).toBe(1);
  });

  it("find a plan without accents, follow its relations, register a document and attach its file", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/registry`);
    await logIn(page, "dongthap");
    await page.getByTestId("registry-search").fill("ke hoach thuc hien nghi quyet");
    await page.getByTestId("registry-search").press("Enter");
    const plan = page.getByTestId("registry-list").getByRole("row", { name: /53-KH\/HU/ });
    await expect.poll(() => plan.count()).toBe(1);
    await plan.click();
    const relations = page.getByTestId("registry-relations");
    await expect.poll(() => relations.getByText("01-NQ/TU").count()).toBe(1);
    await expect.poll(() => relations.getByText(/Được báo cáo bởi/).count()).toBe(1);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Vào sổ văn bản", exact: true }).click();
    await page.getByTestId("registry-number").fill("24-KH/BTGDVTU");
    await page.getByTestId("registry-issuer").fill("Ban Tuyên giáo và Dân vận Tỉnh ủy");
    await page.getByTestId("registry-excerpt").fill("Kế hoạch phong trào thi đua “Dân vận khéo” năm 2026");
    // a day February does not have is not taken: said under the field, the date stays as it was
    const date = page.getByRole("dialog").getByLabel("Ngày ban hành");
    const before = await date.inputValue();
    await date.fill("31/02/2026");
    await page.getByTestId("registry-issuer").click();
    await expect
      .poll(() =>
        page.getByText("“31/02/2026” không phải là ngày: nhập ngày/tháng/năm, ví dụ 31/12/2026").count(),
      )
      .toBe(1);
    expect(await date.inputValue()).toBe(before);
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByText(/^Đã vào sổ văn bản 24-KH\/BTGDVTU$/).count()).toBe(1);
    await page.getByTestId("registry-search").fill("DÂN VẬN KHÉO 2026");
    await page.getByTestId("registry-search").press("Enter");
    const row = page.getByTestId("registry-list").getByRole("row", { name: /24-KH\/BTGDVTU/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await page.locator('input[type="file"]').setInputFiles({
      name: "ke-hoach.pdf",
      mimeType: "application/pdf",
      buffer: pdfFile("Kế hoạch"),
    });
    await expect.poll(() => page.getByRole("link", { name: "ke-hoach.pdf" }).count()).toBe(1);
    // a number typed wrong is corrected in place, with the version read
    await page.getByTestId("registry-correct").click();
    await page.getByTestId("registry-correct-form").getByLabel("Số, ký hiệu").fill("25-KH/BTGDVTU");
    await page.getByRole("button", { name: "Lưu thông tin đã sửa" }).click();
    await expect.poll(() => page.getByRole("dialog").getByText("25-KH/BTGDVTU").count()).toBeGreaterThan(0);
    // an entry registered by mistake is withdrawn with its reason: it stays in the list, marked
    await page.getByTestId("registry-withdraw").click();
    await page.getByTestId("registry-withdraw-reason").fill("Vào sổ nhầm, trùng văn bản đã đăng ký");
    await page.getByTestId("registry-withdraw-confirm").click();
    await expect
      .poll(() => page.getByTestId("registry-withdrawn").textContent())
      .toMatch(/^Đã thu hồi ngày \d{2}\/\d{2}\/\d{4}: Vào sổ nhầm, trùng văn bản đã đăng ký$/);
    await page.screenshot({ path: "test-results/registry-withdrawn.png" });
    await page.keyboard.press("Escape");
    const marked = page.getByTestId("registry-list").getByRole("row", { name: /25-KH\/BTGDVTU/ });
    await expect.poll(() => marked.getByText("Đã thu hồi").count()).toBe(1);
  });

  it("an empty list of plans says what to do next, and does it", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/plans`);
    await logIn(page, "thainguyen");
    await expect
      .poll(() => page.getByTestId("plans-empty").textContent())
      .toContain("Đơn vị chưa có kế hoạch nào.");
    await page.getByTestId("plans-empty").getByRole("button", { name: "Tạo kế hoạch" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("plan-title");
    // what the button waits for is said under it
    expect(await page.getByText("Nhập tên kế hoạch trước").count()).toBe(1);
  });

  it("track a plan: the province assigns a task, the commune completes it, the public page shows progress", async () => {
    const province = await (await env.browser.newContext()).newPage();
    await province.goto(`${env.server.url}/plans`);
    await logIn(province, "dongthap");
    await province.getByTestId("plan-title").fill("Kế hoạch thực hiện Nghị quyết số 01-NQ/TU năm 2026");
    await province.getByRole("button", { name: "Tạo", exact: true }).click();
    await province.getByRole("link", { name: "Kế hoạch thực hiện Nghị quyết số 01-NQ/TU năm 2026" }).click();
    await province.waitForURL(/\/plans\/\d+/);
    const planUrl = province.url();
    await province.getByTestId("task-title").fill("Nhân rộng mô hình Dân vận khéo");
    await chooseUnit(province, "Đơn vị thực hiện", "thap muoi", /Xã Tháp Mười/);
    await province.getByTestId("task-due").fill("31/12/2099");
    await province.keyboard.press("Escape");
    await province.getByRole("button", { name: "Giao nhiệm vụ" }).click();
    await expect
      .poll(() => province.getByTestId("plan-tasks").getByText("Nhân rộng mô hình Dân vận khéo").count())
      .toBe(1);
    await expect.poll(() => province.getByTestId("plan-progress").textContent()).toBe("0%");

    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(planUrl);
    await logIn(commune, "xa.thapmuoi");
    await commune.locator('[data-testid^="status-"]').first().click();
    await commune.getByRole("option", { name: "Hoàn thành" }).click();
    await expect.poll(() => commune.getByTestId("plan-progress").textContent()).toBe("100%");

    await province.reload();
    await expect.poll(() => province.getByTestId("plan-progress").textContent()).toBe("100%");
    // a milestone with a registered document as evidence
    await province.getByTestId("milestone-task").click();
    await province.getByRole("option", { name: "Nhân rộng mô hình Dân vận khéo" }).click();
    await province.getByTestId("milestone-title").fill("Sơ kết 03 năm");
    await province.getByTestId("milestone-due").fill("15/02/2024");
    await province.keyboard.press("Escape");
    await province.getByTestId("milestone-evidence").fill("53-KH/HU");
    await province.getByRole("button", { name: "Thêm mốc" }).click();
    await expect.poll(() => province.getByText("◆ Sơ kết 03 năm — 15/02/2024").count()).toBe(1);
    // the switch follows the server: it turns on once the plan is public
    await province.getByLabel(/Công khai tiến độ/).click({ force: true });
    await expect.poll(() => province.getByTestId("public-link").count()).toBe(1);
    const href = (await province.getByTestId("public-link").getAttribute("href")) ?? "";
    const visitor = await (await env.browser.newContext()).newPage();
    await visitor.goto(`${env.server.url}${href}`);
    await expect.poll(() => visitor.getByTestId("public-progress").textContent()).toBe("100%");
    await expect.poll(() => visitor.getByText("Nhân rộng mô hình Dân vận khéo").count()).toBe(1);
  });

  it("turn the province's consolidated report into a numbered document, as Word and PDF", async () => {
    const page = await (await env.browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(`${env.server.url}/reports`);
    await logIn(page, "dongthap");
    await expect.poll(() => page.getByRole("link", { name: "Sổ văn bản đi" }).count()).toBe(1);
    const id = await page.evaluate(async () => {
      const r = await fetch("/api/requests");
      const body = (await r.json()) as { items: { id: number; periodCode: string }[] };
      return body.items.find((x) => x.periodCode === "2025")?.id;
    });
    await page.goto(`${env.server.url}/requests/${id}`);
    await page.getByTestId("report-document-body").click();
    await page.getByRole("option", { name: "Ủy ban nhân dân tỉnh Đồng Tháp" }).click();
    await page.getByTestId("report-document-place").fill("Đồng Tháp");
    await page.getByTestId("report-document-signer").fill("Nguyễn Văn A");
    await page.getByLabel(/Lấy số ngay/).check();
    const [word] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải Word (.docx)" }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/^\d{2,}-bc-ubnd\.docx$/);
    await expect
      .poll(() => page.getByTestId("report-document-number").textContent())
      .toMatch(/^Văn bản số \d{2,}\/BC-UBND$/);
    const symbol = ((await page.getByTestId("report-document-number").textContent()) ?? "").replace(
      "Văn bản số ",
      "",
    );
    // the PDF carries the same number
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải PDF" }).click(),
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "danvan-e2e-")), "report.pdf");
    await pdf.saveAs(file);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain(`Số: ${symbol}`);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Nguyễn Văn A");
    // no section goes out bare: each starts from the communes' accepted text, under their names
    expect(await page.getByTestId("empty-sections").count()).toBe(0);
    const flat = text.replace(/\s+/g, " ");
    for (const [heading, words] of [
      ["I. ĐẶC ĐIỂM TÌNH HÌNH", "Tình hình chính trị, an ninh trật tự trên địa bàn"],
      ["V. PHƯƠNG HƯỚNG, NHIỆM VỤ", "Tiếp tục thực hiện tốt quy chế dân chủ ở cơ sở"],
    ]) {
      const at = flat.indexOf(heading as string);
      expect(at, heading).toBeGreaterThan(0);
      expect(flat.slice(at, at + 600), heading).toMatch(new RegExp(`(Xã|Phường) [^:]+: .*${words}`));
    }
    // the numbered report was entered in the outgoing registry: the link opens it there
    await page.getByTestId("report-document-registry").click();
    await page.waitForURL(/\/registry\?unit=82&doc=\d+/);
    const opened = page.getByRole("dialog");
    await expect.poll(() => opened.getByText(symbol, { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => opened.getByText(/Ủy ban nhân dân tỉnh Đồng Tháp/).count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    const listed = page.getByTestId("registry-list").getByRole("row", { name: new RegExp(symbol) });
    await expect.poll(() => listed.count()).toBe(1);
    await expect.poll(() => listed.getByText("Văn bản đi").count()).toBe(1);
  });
});
