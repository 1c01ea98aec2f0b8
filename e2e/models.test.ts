/**
 * "Dân vận khéo" models in Chromium: the commune registers a model (a likely duplicate is shown while typing
 * and saved only when confirmed), keeps up last year's model in one action and records its implementation;
 * the province assesses it against the criteria, recognises it and commends it with a numbered decision; the
 * counts read like the report sentence.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { pngImage } from "../test/fixtures/files.ts";
import { logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();
const YEAR = new Date().getFullYear();
const PNG = pngImage(64, 48);

describe("Dân vận khéo models in the browser", () => {
  it("register, keep up, implement; assess, recognise and commend; count", async () => {
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/models`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).waitFor(); // logged in
    // last year's model, registered earlier (through the API the page uses)
    const old = await commune.request.post(`${env.server.url}/api/models`, {
      headers: { "x-csrf-token": await csrf(commune) },
      data: {
        unitCode: "30037",
        year: YEAR - 1,
        name: "Camera an ninh liên gia",
        fieldCode: "defence_security",
        kind: "collective",
        details: {},
        startedOn: `${YEAR - 1}-03-01`,
      },
    });
    expect(old.status()).toBe(201);

    // a new model
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).click();
    await commune.getByTestId("model-name").fill("Tổ tự quản đường hoa ấp Mỹ Hòa");
    await commune.getByTestId("model-field").click();
    await commune.getByRole("option", { name: "Văn hóa – xã hội" }).click();
    await commune.getByLabel("Sự cần thiết").fill("Đường làng chưa có cây xanh");
    await commune.getByLabel("Lực lượng chủ trì").fill("Chi bộ ấp");
    await commune.getByRole("button", { name: "Lưu đăng ký" }).click();
    const list = commune.getByTestId("model-list");
    await expect.poll(() => list.getByText("Tổ tự quản đường hoa ấp Mỹ Hòa").count()).toBe(1);

    // a likely duplicate: shown while typing, refused on save, kept when confirmed
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).click();
    await commune.getByTestId("model-name").fill("TO TU QUAN DUONG HOA");
    await expect
      .poll(() => commune.getByTestId("model-similar").textContent())
      .toContain("Tổ tự quản đường hoa ấp Mỹ Hòa");
    await commune.getByTestId("model-field").click();
    await commune.getByRole("option", { name: "Văn hóa – xã hội" }).click();
    await commune.getByRole("button", { name: "Lưu đăng ký" }).click();
    await expect.poll(() => commune.getByTestId("model-duplicate").count()).toBe(1);
    await commune.getByRole("button", { name: "Vẫn lưu mô hình này" }).click();
    await expect.poll(() => list.getByText("TO TU QUAN DUONG HOA").count()).toBe(1);

    // last year's model kept up in one action
    await commune.getByRole("button", { name: "Duy trì mô hình năm trước" }).click();
    await expect.poll(() => commune.getByText(/Camera an ninh liên gia/).count()).toBeGreaterThan(0);
    await commune.getByRole("button", { name: "Duy trì 1 mô hình đã chọn" }).click();
    await expect
      .poll(() =>
        list
          .getByRole("row", { name: /Camera an ninh liên gia/ })
          .getByText("Duy trì")
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => commune.getByTestId("model-counts").textContent())
      .toMatch(/^3 mô hình, trong đó 2 mô hình đăng ký mới, 1 mô hình duy trì/);

    // a list kept in Excel: the downloaded file with a new row, checked first, then registered
    const file = await commune.request.get(`${env.server.url}/api/models/excel?unit=30037&year=${YEAR}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await file.body()).buffer);
    wb.getWorksheet("Mô hình")?.addRow([
      "Đội tuần tra nhân dân",
      "Quốc phòng – an ninh",
      "Tập thể",
      `01/03/${YEAR}`,
    ]);
    const filled = path.join(mkdtempSync(path.join(tmpdir(), "danvan-models-")), "mo-hinh.xlsx");
    await wb.xlsx.writeFile(filled);
    await commune.locator('input[type="file"]').setInputFiles(filled);
    await expect
      .poll(() => commune.getByTestId("models-import-summary").textContent())
      .toBe("Sẽ đăng ký 1 mô hình mới; 3 mô hình đã có được giữ nguyên.");
    await commune.getByRole("button", { name: "Đăng ký 1 mô hình" }).click();
    await expect.poll(() => list.getByText("Đội tuần tra nhân dân").count()).toBe(1);

    // the commune records implementation
    await list.getByText("Tổ tự quản đường hoa ấp Mỹ Hòa").click();
    await expect
      .poll(() => commune.getByTestId("model-title").textContent())
      .toBe("Tổ tự quản đường hoa ấp Mỹ Hòa");
    const modelUrl = commune.url();
    await commune.getByRole("button", { name: "Ghi nhận đang thực hiện" }).click();
    await expect.poll(() => commune.getByTestId("model-years").getByText("Đang thực hiện").count()).toBe(1);
    expect(await commune.getByRole("button", { name: "Lưu kết quả bình xét" }).count()).toBe(0); // not its own

    // a photo, and the public showcase (off until asked)
    const photo = path.join(mkdtempSync(path.join(tmpdir(), "danvan-photo-")), "duong-hoa.png");
    writeFileSync(photo, PNG);
    await commune.getByTestId("model-files").waitFor();
    await commune.locator('input[type="file"]').setInputFiles(photo);
    await expect.poll(() => commune.getByTestId("model-files").getByRole("img").count()).toBe(1);
    await commune.getByTestId("model-public").check();
    await commune
      .getByLabel("Kết quả của mô hình (hiện trên trang công khai)")
      .fill("3 km đường hoa; 120 hộ tham gia");
    await commune.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect.poll(() => commune.getByRole("link", { name: "Xem trang công khai" }).count()).toBe(1);
    const visitor = await (await env.browser.newContext()).newPage();
    await visitor.goto(`${env.server.url}/public/models/82`);
    const showcase = visitor.getByTestId("showcase");
    await expect.poll(() => showcase.getByText("Tổ tự quản đường hoa ấp Mỹ Hòa").count()).toBe(1);
    expect(await showcase.getByText("3 km đường hoa; 120 hộ tham gia").count()).toBe(1);
    await expect
      .poll(() => showcase.getByRole("img").evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(64); // the 64×48 photo, decoded by the browser, served without login

    // the province assesses, recognises, commends
    const province = await (await env.browser.newContext()).newPage();
    await province.goto(modelUrl);
    await logIn(province, "dongthap");
    await province.getByTestId("model-title").waitFor();
    const criteria = province.getByTestId("model-criteria");
    await expect.poll(() => criteria.getByRole("checkbox").count()).toBe(5);
    for (const i of [0, 1, 2, 3]) await criteria.getByRole("checkbox").nth(i).check();
    await province.getByRole("button", { name: "Lưu kết quả bình xét" }).click();
    await expect
      .poll(() => province.getByTestId("model-years").getByText("Đạt 4/5 tiêu chí").count())
      .toBe(1);
    await province.getByRole("button", { name: "Công nhận mô hình" }).click();
    await expect.poll(() => province.getByTestId("model-years").getByText("Được công nhận").count()).toBe(1);
    const bodies = await (await province.request.get(`${env.server.url}/api/units/82/bodies`)).json();
    const ubnd = bodies.items.find((b: { kind: string }) => b.kind === "people_committee");
    const decision = await province.request.post(`${env.server.url}/api/bodies/${ubnd.id}/document-numbers`, {
      headers: { "x-csrf-token": await csrf(province) },
      data: { typeCode: "QĐ", title: "Khen thưởng mô hình “Dân vận khéo”" },
    });
    const symbol = (await decision.json()).symbol as string;
    await province.getByTestId("decision-body").click();
    await province.getByRole("option", { name: ubnd.name }).click();
    await province.getByTestId("decision-number").click();
    await province.getByRole("option", { name: new RegExp(`^${symbol.replace("/", "\\/")}`) }).click();
    await province.getByRole("button", { name: "Khen thưởng" }).click();
    await expect
      .poll(() => province.getByTestId("model-years").getByText(`Quyết định số ${symbol}`).count())
      .toBe(1);
    await expect.poll(() => province.getByTestId("model-steps").getByText("dongthap").count()).toBe(3);
    await province.screenshot({ path: "test-results/model.png", fullPage: true });

    // the counts stand beside the reports: the commune's annual report shows them and takes them in one
    // action, and once accepted the province's consolidated report adds them up
    const forms = await (await province.request.get(`${env.server.url}/api/forms`)).json();
    const request = await province.request.post(`${env.server.url}/api/requests`, {
      headers: { "x-csrf-token": await csrf(province) },
      data: {
        issuerUnitCode: "82",
        formId: forms.items.find((f: { code: string }) => f.code === "dan-van-annual").id,
        period: { code: String(YEAR) },
        targetLevel: "commune",
        deadline: `${YEAR + 1}-01-15`,
      },
    });
    expect(request.status()).toBe(201);
    const requestId = (await request.json()).id as number;
    const targets = await (await province.request.get(`${env.server.url}/api/requests/${requestId}`)).json();
    const target = targets.targets.find((x: { unitCode: string }) => x.unitCode === "30037");
    await commune.goto(`${env.server.url}/submissions/${target.id}`);
    const total = commune.getByTestId("value-DVK_MODELS_TOTAL");
    // the registry's counts stand beside the cells; one action takes them into the report
    await expect.poll(() => commune.getByTestId("held-DVK_MODELS_TOTAL").textContent()).toBe("4");
    expect(await total.inputValue()).toBe("");
    await commune.getByTestId("take-fed").click();
    await expect.poll(() => total.inputValue()).toBe("4");
    expect(await total.getAttribute("readonly")).toBeNull();
    expect(await commune.getByTestId("value-DVK_MODELS_KEPT").inputValue()).toBe("1");
    await expect.poll(() => commune.getByTestId("fed-offer").count()).toBe(0);
    await commune.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect.poll(() => commune.getByTestId("status").first().textContent()).toBe("Đã gửi");
    const sub = await (await province.request.get(`${env.server.url}/api/submissions/${target.id}`)).json();
    const accepted = await province.request.post(`${env.server.url}/api/submissions/${target.id}/accept`, {
      headers: { "x-csrf-token": await csrf(province) },
      data: { version: sub.submission.version },
    });
    expect(accepted.status()).toBe(200);
    await province.goto(`${env.server.url}/requests/${requestId}`);
    await expect.poll(() => province.getByTestId("total-DVK_MODELS_TOTAL").textContent()).toBe("4");

    // the province's counts
    await province.goto(`${env.server.url}/models`);
    const counts = await (
      await province.request.get(`${env.server.url}/api/models/counts?unit=82&year=${YEAR}`)
    ).json();
    expect(counts.byUnit.find((u: { code: string }) => u.code === "30037")).toMatchObject({
      total: 4,
      recognised: 1,
    });
    await expect
      .poll(() => province.getByTestId("model-counts").textContent())
      .toMatch(
        new RegExp(
          `^${counts.total} mô hình, trong đó ${counts.new} mô hình đăng ký mới, ${counts.kept} mô hình duy trì; ${counts.recognised} mô hình được công nhận`,
        ),
      );
    await province.screenshot({ path: "test-results/models.png", fullPage: true });
  });
});

describe("the province's criteria for models", () => {
  it("keeps a model sheet through Escape, a click outside and a reload; warns of alike names, not numbered ones", async () => {
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/models`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).waitFor();
    await registerThroughApi(commune, "Sân chơi thiếu nhi số 1", {}, `${YEAR}-02-01`);
    await commune.reload();
    const dialog = commune.getByRole("dialog", { name: /Đăng ký mô hình/ });
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).click();
    // what is missing is said under the button, which waits for it
    expect(await commune.getByTestId("model-missing").textContent()).toContain("tên mô hình");
    expect(await commune.getByTestId("model-save").isDisabled()).toBe(true);
    // another numbered playground is not the same model; the playground without a number may be
    await commune.getByTestId("model-name").fill("Sân chơi thiếu nhi số 2");
    await commune.getByTestId("sheet-rationale").fill("Trẻ em ấp Mỹ Hòa chưa có nơi vui chơi an toàn");
    await commune.waitForTimeout(1200);
    expect(await commune.getByTestId("model-similar").count()).toBe(0);
    // Escape asks first, and keeping on editing keeps the text
    await commune.keyboard.press("Escape");
    await expect.poll(() => commune.getByText("Bỏ nội dung chưa lưu?").count()).toBe(1);
    await commune.getByRole("button", { name: "Tiếp tục sửa" }).click();
    expect(await commune.getByTestId("sheet-rationale").inputValue()).toBe(
      "Trẻ em ấp Mỹ Hòa chưa có nơi vui chơi an toàn",
    );
    // a lost tab loses nothing: the sheet comes back from this browser
    await commune.waitForTimeout(800);
    commune.once("dialog", (d) => d.accept()); // the browser's own "leave the page?"
    await commune.reload();
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).click();
    await expect.poll(() => commune.getByTestId("draft-restored").count()).toBe(1);
    expect(await commune.getByTestId("model-name").inputValue()).toBe("Sân chơi thiếu nhi số 2");
    expect(await commune.getByTestId("sheet-rationale").inputValue()).toBe(
      "Trẻ em ấp Mỹ Hòa chưa có nơi vui chơi an toàn",
    );
    // a click outside asks too; saving takes the draft away and says so
    await commune.mouse.click(5, 5);
    await expect.poll(() => commune.getByText("Bỏ nội dung chưa lưu?").count()).toBe(1);
    await commune.getByRole("button", { name: "Tiếp tục sửa" }).click();
    // saved at once after the last change, on a slow line (the list reloads in 1.5 s): the draft's pending
    // write must not bring the saved sheet back
    await commune.route("**/api/models?*", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await dialog.getByTestId("model-field").click();
    await commune.getByRole("option", { name: "Văn hóa – xã hội" }).click();
    await commune.getByTestId("model-save").click();
    await expect
      .poll(() => commune.getByText("Đã đăng ký mô hình “Sân chơi thiếu nhi số 2”").count())
      .toBe(1);
    await commune.unroute("**/api/models?*");
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).click();
    expect(await commune.getByTestId("model-name").inputValue()).toBe("");
    expect(await commune.getByTestId("draft-restored").count()).toBe(0);
    // the same name without its number is likely the same model
    await commune.getByTestId("model-name").fill("Sân chơi thiếu nhi");
    await expect
      .poll(() => commune.getByTestId("model-similar").textContent())
      .toContain("Sân chơi thiếu nhi số 1");
    // nothing typed but the name: discarding forgets it, also in this browser
    await commune.keyboard.press("Escape");
    await commune.getByRole("button", { name: "Bỏ nội dung đã nhập" }).click();
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).click();
    expect(await commune.getByTestId("model-name").inputValue()).toBe("");
    expect(await commune.getByTestId("draft-restored").count()).toBe(0);
  });

  it("corrects a model's registration and stops it with a reason; it stays listed, marked", async () => {
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/models`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByRole("button", { name: "Đăng ký mô hình mới" }).waitFor();
    const id = await registerThroughApi(
      commune,
      "Tổ tự quan bến đò",
      { goals: "Bến đò an toàn" },
      `${YEAR}-03-01`,
    );
    await commune.goto(`${env.server.url}/models/${id}`);
    await commune.getByTestId("model-edit").click();
    const dialog = commune.getByRole("dialog", { name: "Sửa thông tin đăng ký mô hình" });
    expect(await dialog.getByTestId("model-name").inputValue()).toBe("Tổ tự quan bến đò");
    await dialog.getByTestId("model-name").fill("Tổ tự quản bến đò an toàn");
    await dialog.getByTestId("sheet-goals").fill("Bến đò an toàn, không để xảy ra tai nạn");
    await commune.screenshot({ path: "test-results/model-correct.png" });
    await dialog.getByTestId("model-correct-save").click();
    await expect
      .poll(() => commune.getByTestId("model-title").textContent())
      .toBe("Tổ tự quản bến đò an toàn");
    expect(await commune.getByText("Bến đò an toàn, không để xảy ra tai nạn").count()).toBe(1);
    // stopping asks for the reason; the model stays, marked, and takes no more steps
    await commune.getByTestId("model-stop").click();
    expect(await commune.getByTestId("model-stop-confirm").isDisabled()).toBe(true);
    await commune.getByTestId("model-stop-reason").fill("Xây cầu, bến đò không còn hoạt động");
    await commune.getByTestId("model-stop-confirm").click();
    await expect
      .poll(() => commune.getByTestId("model-stopped").textContent())
      .toContain("Xây cầu, bến đò không còn hoạt động");
    expect(await commune.getByTestId("model-next-step").count()).toBe(0);
    await commune.screenshot({ path: "test-results/model-stopped.png", fullPage: true });
    await commune.setViewportSize({ width: 390, height: 844 });
    await commune.screenshot({ path: "test-results/model-stopped-phone.png", fullPage: true });
    await commune.goto(`${env.server.url}/models?unit=30037&year=${YEAR}`);
    const row = commune.getByRole("row", { name: /Tổ tự quản bến đò an toàn/ });
    await expect.poll(() => row.textContent()).toContain("Đã dừng");
  });

  it("in English too: the model sheet survives Escape and a reload, and is saved once", async () => {
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/models`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByRole("button", { name: "English" }).click();
    await commune.getByRole("button", { name: "Register a new model" }).click();
    await commune.getByTestId("model-name").fill("Community fish pond of Mỹ Hòa");
    await commune.getByTestId("sheet-rationale").fill("The hamlet's pond was silted up");
    await commune.keyboard.press("Escape");
    await expect.poll(() => commune.getByText("Discard unsaved text?").count()).toBe(1);
    await commune.getByRole("button", { name: "Keep editing" }).click();
    expect(await commune.getByTestId("sheet-rationale").inputValue()).toBe("The hamlet's pond was silted up");
    await commune.waitForTimeout(800);
    commune.once("dialog", (d) => d.accept());
    await commune.reload();
    await commune.getByRole("button", { name: "Register a new model" }).click();
    await expect
      .poll(() => commune.getByTestId("draft-restored").textContent())
      .toMatch(/^Unsaved text restored/);
    expect(await commune.getByTestId("model-name").inputValue()).toBe("Community fish pond of Mỹ Hòa");
    expect(await commune.getByTestId("model-missing").textContent()).toBe("Still missing: the field.");
    await commune.getByTestId("model-field").click();
    await commune.getByRole("option", { name: "Economy" }).click();
    await commune.getByTestId("model-save").click();
    await expect
      .poll(() => commune.getByText("Model “Community fish pond of Mỹ Hòa” registered").count())
      .toBe(1);
  });

  it("shows the example set and lets the province issue its own", async () => {
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(`${env.server.url}/models`);
    await logIn(page, "dongthap");
    await page.getByRole("button", { name: "Bộ tiêu chí đánh giá mô hình" }).click();
    const current = page.getByTestId("criteria-current");
    await expect.poll(() => current.getByText("Bộ tiêu chí ví dụ", { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: "Ban hành bộ tiêu chí của tỉnh" }).click();
    await page.getByLabel("Nội dung tiêu chí").last().fill("Được Nhân dân đồng tình, có khả năng nhân rộng");
    await page.getByLabel("Căn cứ (văn bản ban hành)").fill("QĐ số 15/QĐ-UBND ngày 10/01/2026");
    await page.getByRole("button", { name: "Lưu bộ tiêu chí" }).click();
    await expect.poll(() => current.getByText("Bộ tiêu chí của tỉnh", { exact: true }).count()).toBe(1);
    expect(await current.getByText("C5. Được Nhân dân đồng tình, có khả năng nhân rộng").count()).toBe(1);
    expect(await current.getByText("QĐ số 15/QĐ-UBND ngày 10/01/2026").count()).toBe(1);
  });
});

/** A model of Xã Tháp Mười registered through the API with the page's session, for the journeys that start after. */
async function registerThroughApi(
  page: import("playwright-core").Page,
  name: string,
  details: Record<string, string>,
  startedOn: string,
): Promise<number> {
  const made = await page.request.post(`${env.server.url}/api/models`, {
    headers: { "x-csrf-token": await csrf(page) },
    data: {
      unitCode: "30037",
      year: YEAR,
      name,
      fieldCode: "culture_society",
      kind: "collective",
      details,
      startedOn,
    },
  });
  expect(made.status()).toBe(201);
  return (await made.json()).id as number;
}

/** The CSRF token of the page's session (writes made through page.request need it). */
async function csrf(page: import("playwright-core").Page): Promise<string> {
  const me = await (await page.request.get(`${new URL(page.url()).origin}/api/auth/me`)).json();
  return me.csrfToken as string;
}
