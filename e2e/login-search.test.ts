/**
 * A real browser (Debian's Chromium through playwright-core) against the real server on a fresh database:
 * log in as xa.thapmuoi, search "thap muoi", open the commune.
 */
import { describe, expect, it } from "vitest";
import { chooseUnit, logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();

describe("web", () => {
  it("logs in as xa.thapmuoi, finds 'thap muoi' and opens the commune", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/units`);
    await logIn(page, "xa.thapmuoi");
    await page
      .getByTestId("unit-search")
      .locator("input")
      .or(page.getByTestId("unit-search"))
      .first()
      .fill("thap muoi");
    const link = page.getByTestId("unit-results").getByRole("link", { name: "Xã Tháp Mười" });
    await link.click();
    await expect.poll(() => page.getByTestId("unit-title").textContent()).toBe("Xã Tháp Mười");
    expect(page.url()).toContain("/units/30037");
    // the commune's editor sees its hamlets to manage (demo data has four)
    await expect.poll(() => page.getByText("Ấp Mỹ Hòa").count()).toBe(1);
    await page.screenshot({ path: "test-results/unit-page.png", fullPage: true });
  });

  it("adds a hamlet, closes it after confirming, and switches to English", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/units/30037`);
    await logIn(page, "xa.thapmuoi");
    await page.getByTestId("hamlet-name").fill("Tân Hòa");
    await page.getByRole("button", { name: "Thêm thôn, tổ dân phố" }).click();
    const row = page.getByRole("row", { name: /Ấp Tân Hòa/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole("button", { name: "Giải thể" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Giải thể" }).click();
    // it stays valid to the end of today, then is gone; the row says so and offers no more actions
    await expect.poll(() => row.getByText(/Giải thể sau ngày \d\d\/\d\d\/\d{4}/).count()).toBe(1);
    expect(await row.getByRole("button").count()).toBe(0);
    await page.getByRole("button", { name: "English" }).click();
    await expect
      .poll(() => page.getByRole("link", { name: "Administrative units" }).count())
      .toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "Đơn vị hành chính" }).count()).toBe(0);
    await context.close();
  });

  it("an admin adds a user with a grant, then deactivates them after confirming", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/users`);
    await logIn(page, "admin");
    await page.getByRole("heading", { name: "Người dùng và phân quyền" }).waitFor();
    await page.getByRole("textbox", { name: "Tên đăng nhập", exact: true }).fill("bdv.thapmuoi");
    await page.getByRole("textbox", { name: "Họ và tên" }).fill("Nguyễn Văn An");
    await page.getByLabel("Mật khẩu").fill("mat-khau-123");
    // the unit by its name, accents optional; the grant then reads with the name, not the code
    await chooseUnit(page, "Đơn vị", "thap muoi", /Xã Tháp Mười/);
    await page.getByRole("button", { name: "Thêm người dùng" }).click();
    const row = page.getByRole("row", { name: /bdv\.thapmuoi/ });
    await expect.poll(() => row.getByText("Biên tập · Xã Tháp Mười").count()).toBe(1);
    await row.getByRole("button", { name: "Khóa tài khoản" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Khóa tài khoản" }).click();
    await expect.poll(() => row.getByText("Đã khóa").count()).toBe(1);
    await context.close();
  });

  it("a system admin confirms next year's estimated working calendar", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/calendar`);
    await logIn(page, "admin");
    await page.getByRole("heading", { name: "Lịch làm việc" }).waitFor();
    await page.getByLabel("Năm").fill("2027");
    const days = page.getByTestId("calendar-days");
    await expect.poll(() => days.getByText("06/02/2027").count()).toBe(0); // Tết on a Saturday: made up later
    await expect.poll(() => days.getByText("10/02/2027").count()).toBe(1);
    await expect.poll(() => page.getByText("Ước tính").first().count()).toBe(1);
    await page.getByRole("button", { name: "Lưu và xác nhận lịch năm" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Lưu và xác nhận lịch năm" }).click();
    await expect.poll(() => page.getByText(/Chính thức · Đã xác nhận/).count()).toBe(1);
    await expect.poll(() => days.getByText(/^Xác nhận bởi quản trị hệ thống ngày/).count()).toBe(11);
    await context.close();
  });

  it("a system admin adds an indicator to the catalogue", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/indicators`);
    await logIn(page, "admin");
    await page.getByRole("heading", { name: "Danh mục chỉ tiêu" }).waitFor();
    const list = page.getByTestId("indicator-list");
    await expect.poll(() => list.getByText("Tổng số mô hình “Dân vận khéo”").count()).toBe(1);
    await page.getByRole("textbox", { name: "Mã", exact: true }).fill("hamlet_meetings");
    await page.getByRole("textbox", { name: "Tên tiếng Việt" }).fill("Số cuộc họp thôn, tổ dân phố");
    await page.getByRole("textbox", { name: "Tên tiếng Anh" }).fill("Hamlet meetings");
    await page.getByRole("textbox", { name: "Đơn vị tính" }).fill("cuộc");
    await page.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
    await expect.poll(() => list.getByText("HAMLET_MEETINGS").count()).toBe(1);
    await context.close();
  });
});
