/**
 * The journeys an official makes with the keyboard alone (no mouse): log in, open the report the province
 * asked for, write its text and figures, send it. Each step moves with Tab, types, and presses Enter.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();

/** What has the keyboard's focus: its test id, its label or its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const label = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? "";
    return [el.dataset.testid ?? "", label, el.textContent?.trim().slice(0, 80) ?? ""].join(" | ");
  });

/** Presses Tab until the focus is on what `wanted` matches; fails naming where the focus went instead. */
async function tabTo(page: Page, wanted: RegExp, max = 80) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (wanted.test(now)) return;
    seen.push(now);
  }
  // the page as it stood, for whoever reads the failure
  await page.screenshot({ path: "test-results/keyboard-lost.png", fullPage: true });
  throw new Error(`Tab never reached ${wanted} on ${page.url()}; it went through: ${seen.join(" ; ")}`);
}

describe("with the keyboard alone", () => {
  it("logs in, opens the request, fills the report and sends it", async () => {
    // the province asks (through the API: the request form has its own journey)
    const provinceContext = await env.browser.newContext();
    const province = await provinceContext.newPage();
    await province.goto(`${env.server.url}/reports`);
    await province.getByLabel("Tên đăng nhập").fill("dongthap");
    await province.getByLabel("Mật khẩu").fill("demo12345");
    await province.getByRole("button", { name: "Đăng nhập" }).click();
    await province.getByRole("navigation").waitFor();
    const me = await (await provinceContext.request.get(`${env.server.url}/api/auth/me`)).json();
    const forms = await (await provinceContext.request.get(`${env.server.url}/api/forms`)).json();
    const created = await provinceContext.request.post(`${env.server.url}/api/requests`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: {
        issuerUnitCode: "82",
        formId: forms.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id,
        period: { code: "202701" },
        referenceNo: "321-CV/BTGDVTU",
        targetLevel: "commune",
      },
    });
    expect(created.status()).toBe(201);
    await provinceContext.close();

    const page = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${env.server.url}/reports`);
    // log in: the name field has the focus, Tab to the password, Enter sends
    await expect.poll(() => focused(page)).toMatch(/Tên đăng nhập/);
    await page.keyboard.type("xa.thapmuoi");
    await page.keyboard.press("Tab");
    await page.keyboard.type("demo12345");
    await page.keyboard.press("Enter");
    await page.getByRole("navigation").waitFor();
    // past the menu in one step, then to the request in the inbox
    await tabTo(page, /Bỏ qua danh mục/, 3);
    await page.keyboard.press("Enter");
    await page
      .getByText(/Tháng 0?1(\/| năm )2027/)
      .first()
      .waitFor();
    await tabTo(page, /Tháng 0?1(\/| năm )2027/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/submissions\/\d+/);
    // as an official would, wait for the report to show before moving through it (a loaded CI machine is slow)
    await page.getByTestId("narrative-I").waitFor();
    // the text of section I, then the three figures
    await tabTo(page, /^narrative-I \|/);
    await page.keyboard.type("Tình hình an ninh, trật tự ổn định.");
    await tabTo(page, /^value-DVK_MODELS_TOTAL \|/);
    await page.keyboard.type("12");
    await tabTo(page, /^value-DVK_MODELS_NEW \|/);
    await page.keyboard.type("5");
    await tabTo(page, /^value-DVK_MODELS_KEPT \|/);
    await page.keyboard.type("7");
    await expect
      .poll(() => page.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/Đã lưu/);
    // send it: Tab to the button, Enter
    await tabTo(page, /Gửi báo cáo/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("status").first().textContent()).toBe("Đã gửi");
    await page.screenshot({ path: "test-results/keyboard-sent.png", fullPage: true });
  });
});
