/**
 * The yearly "dân vận chính quyền" evaluation in Chromium: the province issues its scheme from the Bắc Kạn
 * example with its own threshold for the best band and a criterion split into sub-items; the commune scores itself with evidence (a score above the maximum is refused) and sends it; the
 * province appraises it (95,5 capped to "Hoàn thành tốt nhiệm vụ" for a dismissal), publishes the ranking, and
 * the commune sees its rank and its history.
 */
import { describe, expect, it } from "vitest";
import { pdfFile } from "../test/fixtures/files.ts";
import { logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();
const MAX: Record<string, string> = {
  BK1: "15",
  BK2: "15",
  BK3: "15",
  BK4: "10",
  BK5: "10",
  BK6: "10",
  "BK7.1": "6",
  "BK7.2": "4",
  BK8: "5",
};

describe("the yearly evaluation in the browser", () => {
  it("scheme, self-scoring, appraisal, publication, history", async () => {
    const province = await (await env.browser.newContext()).newPage();
    await province.goto(`${env.server.url}/evaluations`);
    await logIn(province, "dongthap");
    await province.getByRole("button", { name: "Ban hành bộ tiêu chí" }).click();
    await province.getByTestId("scheme-example").click();
    await province.getByRole("option", { name: /^Ví dụ theo Bắc Kạn/ }).click();
    // the province sets its own threshold for the best band (the example's 90 is only an example)
    await province.getByRole("button", { name: "Điều chỉnh bộ tiêu chí" }).click();
    await province.getByTestId("scheme-editor").getByLabel("HTXSNV điểm tối thiểu").fill("92");
    // and splits criterion BK7 into two sub-items (scored through them)
    const editor = province.getByTestId("scheme-editor");
    await editor.getByLabel("BK7 Thêm tiêu chí con").click();
    await editor.getByLabel("BK7 Thêm tiêu chí con").click();
    await editor.getByLabel("BK7.1 Nội dung tiêu chí").fill("Đăng ký, triển khai mô hình");
    await editor.getByLabel("BK7.1 Điểm tối đa").fill("6");
    await editor.getByLabel("BK7.2 Nội dung tiêu chí").fill("Nhân rộng, khen thưởng mô hình");
    await editor.getByLabel("BK7.2 Điểm tối đa").fill("4");
    await province.getByRole("button", { name: "Ban hành", exact: true }).click();
    await expect
      .poll(() => province.getByTestId("scheme-name").textContent())
      .toBe(`Bộ tiêu chí đánh giá năm ${new Date().getFullYear()} (điều chỉnh từ mẫu)`);
    const list = province.getByTestId("evaluation-list");
    await expect.poll(() => list.getByText("Xã Tháp Mười").count()).toBe(1);
    // corrected before any commune scores itself: its name and an item's title
    const named = `Bộ tiêu chí đánh giá công tác dân vận chính quyền năm ${new Date().getFullYear()}`;
    await province.getByTestId("scheme-edit").click();
    await province.getByTestId("scheme-name-edit").fill(named);
    await province.getByLabel("BK8 Nội dung tiêu chí").fill("Chế độ thông tin, báo cáo đúng hạn");
    await province.screenshot({ path: "test-results/scheme-correct.png" });
    await province.getByTestId("scheme-correct-save").click();
    await expect.poll(() => province.getByTestId("scheme-name").textContent()).toBe(named);

    // the commune scores itself
    const commune = await (await env.browser.newContext()).newPage();
    await commune.goto(`${env.server.url}/evaluations`);
    await logIn(commune, "xa.thapmuoi");
    await commune.getByTestId("evaluation-list").getByText("Xã Tháp Mười").click();
    await commune.getByLabel("BK1 Tự chấm").waitFor();
    for (const [code, max] of Object.entries(MAX)) {
      await commune.getByLabel(`${code} Tự chấm`).fill(code === "BK8" ? "6" : max);
      // BK2's evidence is a file (the scanned regulation), the others a line of text
      if (code !== "BK2") await commune.getByLabel(`${code} Tài liệu kiểm chứng`).fill(`Báo cáo ${code}`);
    }
    const [chooser] = await Promise.all([
      commune.waitForEvent("filechooser"),
      commune.getByLabel("BK2 Đính kèm tệp kiểm chứng").click(),
    ]);
    await chooser.setFiles({
      name: "quy-che-dan-chu.pdf",
      mimeType: "application/pdf",
      buffer: pdfFile("Quy che"),
    });
    await expect
      .poll(() => commune.getByTestId("evidence-files-BK2").getByRole("link").textContent())
      .toBe("quy-che-dan-chu.pdf");
    // what was typed stays while the file comes in
    expect(await commune.getByLabel("BK1 Tự chấm").inputValue()).toBe("15");
    await commune.getByLabel("Xếp hạng PAR Index").fill("3");
    await commune.getByRole("button", { name: "Gửi kết quả tự chấm" }).click();
    await expect.poll(() => commune.getByText(/vượt điểm tối đa 5 của tiêu chí BK8/).count()).toBe(1);
    await commune.getByLabel("BK8 Tự chấm").fill("5");
    await commune.getByRole("button", { name: "Gửi kết quả tự chấm" }).click();
    await expect
      .poll(() => commune.getByTestId("evaluation-result").textContent())
      .toContain("90 điểm – Hoàn thành tốt nhiệm vụ"); // below the province's 92
    const evaluationUrl = commune.url();
    expect(await commune.getByText("Chế độ thông tin, báo cáo đúng hạn").count()).toBe(1);

    // once a commune has scored itself, the items stay as they are
    await province.reload();
    await province.getByTestId("scheme-edit").click();
    await expect.poll(() => province.getByTestId("scheme-items-locked").count()).toBe(1);
    expect(await province.getByTestId("scheme-editor").count()).toBe(0);
    await province.keyboard.press("Escape");

    // the province appraises it, the evidence file under its criterion
    await province.goto(evaluationUrl);
    await expect
      .poll(() => province.getByTestId("evidence-files-BK2").getByRole("link").textContent())
      .toBe("quy-che-dan-chu.pdf");
    await province.getByLabel("BK1 Thẩm định").fill("10,5");
    await province.getByLabel("BK1 Nhận xét tiêu chí").fill("Chưa có kế hoạch riêng");
    await province.getByLabel("BK9 Thẩm định").fill("10");
    await province.getByLabel("Nhận xét", { exact: true }).fill("Tiêu chí 1 chưa có kế hoạch riêng");
    await province.getByLabel(/buộc thôi việc/).check();
    await province.getByRole("button", { name: "Lưu kết quả thẩm định" }).click();
    await expect
      .poll(() => province.getByTestId("evaluation-result").textContent())
      .toContain("95,5 điểm – Hoàn thành tốt nhiệm vụ");
    expect(await province.getByText(/Mức xếp loại bị giới hạn do/).count()).toBe(1);

    // publication: the communes not appraised are published as not ranked
    await province.goto(`${env.server.url}/evaluations`);
    await province.getByRole("button", { name: "Công bố kết quả, xếp hạng" }).click();
    await province.getByLabel(/chưa được thẩm định là không xếp hạng/).check();
    await province.getByTestId("confirm-publish").click();
    await expect.poll(() => province.getByTestId("published").count()).toBe(1);
    const row = province.getByTestId("evaluation-list").getByRole("row", { name: /Xã Tháp Mười/ });
    await expect.poll(() => row.getByRole("cell").first().textContent()).toBe("1");

    // the commune sees its rank and its history
    await commune.reload();
    await expect.poll(() => commune.getByTestId("evaluation-result").textContent()).toContain("xếp thứ 1");
    await expect.poll(() => commune.getByTestId("evaluation-history").count()).toBe(1);
    await expect.poll(() => commune.getByText("PAR Index: 3").count()).toBe(1);
    expect(await commune.getByTestId("item-BK1").getByText("(Chưa có kế hoạch riêng)").count()).toBe(1);
    await commune.screenshot({ path: "test-results/evaluation.png", fullPage: true });
  });

  it("a scheme issued for the wrong year is withdrawn with its reason and stays listed, marked", async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${env.server.url}/evaluations`);
    await logIn(page, "dongthap");
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
    const me = await (await page.request.get(`${env.server.url}/api/auth/me`)).json();
    const next = new Date().getFullYear() + 1;
    const made = await page.request.post(`${env.server.url}/api/evaluation-schemes`, {
      headers: { "x-csrf-token": me.csrfToken as string },
      data: {
        provinceCode: "82",
        year: next,
        exampleKey: "bac-kan-2017",
        selfFrom: `${next}-11-01`,
        selfUntil: `${next}-11-30`,
      },
    });
    expect(made.status()).toBe(201);
    await page.reload();
    await page.getByTestId("evaluation-year").click();
    await page.getByRole("option", { name: String(next), exact: true }).click();
    await page.getByTestId("scheme-withdraw").click();
    await page.getByTestId("scheme-withdraw-reason").fill("Ban hành nhầm năm đánh giá");
    await page.getByTestId("scheme-withdraw-confirm").click();
    await expect
      .poll(() => page.getByTestId("scheme-withdrawn").textContent())
      .toMatch(/^Bộ tiêu chí đã hủy ngày \d{2}\/\d{2}\/\d{4}: Ban hành nhầm năm đánh giá$/);
    expect(await page.getByTestId("scheme-edit").count()).toBe(0);
    await page.getByTestId("evaluation-year").click();
    await expect.poll(() => page.getByRole("option", { name: `${next} (đã hủy)` }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.screenshot({ path: "test-results/scheme-withdrawn-phone.png", fullPage: true });
  });
});
