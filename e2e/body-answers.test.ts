/**
 * A body answers a body of its own unit, each through its own people, as the Tháp Mười report was made: the
 * Ban Tuyên giáo và Dân vận Tỉnh ủy asks the Ủy ban nhân dân tỉnh and the Ủy ban MTTQ tỉnh by its công văn; the
 * People's Committee's own editor (a grant on that body only) finds the report in its inbox and not the Front's,
 * writes it, numbers it as its own document (entered in the province's outgoing registry) and sends it; the
 * board's editor accepts it. And the 2024 report itself, on the demo's chain, by the two bodies that made it: the
 * district People's Committee's office opens its report to 113-CV/BDVHU from its inbox and numbers it as its
 * document of the day it was sent; the Ban Dân vận Huyện ủy finds it under the request it issued and accepts it.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();

/** The answer numbered as its body's document from the report page's panel: the Word file and the number. */
async function numberAnswer(page: Page) {
  const panel = page.getByTestId("answer-document");
  await panel.getByText("Lấy số ngay").click();
  const [word] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByTestId("answer-document-docx").click(),
  ]);
  await expect
    .poll(() => panel.getByTestId("answer-document-number").textContent())
    .toMatch(/^Văn bản số \d+\/BC-UBND$/);
  const symbol = ((await panel.getByTestId("answer-document-number").textContent()) ?? "").replace(
    "Văn bản số ",
    "",
  );
  return { word, symbol };
}

/** The body that asked opens the answer, sees the number it came with, and accepts it. */
async function acceptAnswer(board: Page, submissionUrl: string, symbol: string) {
  await board.goto(submissionUrl);
  await expect
    .poll(() => board.getByTestId("answer-number").textContent())
    .toBe(`Văn bản trả lời: số ${symbol}`);
  await board.getByRole("button", { name: "Tiếp nhận" }).click();
  await board.getByRole("dialog").getByRole("button", { name: "Tiếp nhận" }).click();
  await expect.poll(() => board.getByTestId("status").first().textContent()).toBe("Đã tiếp nhận");
}

describe("a body answers a body of its own unit", () => {
  it("the UBND's editor answers the Ban Tuyên giáo và Dân vận; the document is numbered in its registry; the board accepts", async () => {
    // the board's editor issues the request by its công văn (the request form itself has its own journey)
    const board = await (await env.browser.newContext()).newPage();
    await board.goto(`${env.server.url}/reports`);
    await logIn(board, "dongthap");
    await board.getByRole("button", { name: "Đăng xuất" }).waitFor();
    const api = board.request;
    const me = await (await api.get(`${env.server.url}/api/auth/me`)).json();
    const headers = { "x-csrf-token": me.csrfToken as string };
    const bodies: Record<string, number> = {};
    for (const b of (await (await api.get(`${env.server.url}/api/units/82/bodies`)).json()).items)
      bodies[b.kind] = b.id;
    const cv = await api.post(`${env.server.url}/api/registry`, {
      headers,
      data: {
        unitCode: "82",
        direction: "outgoing",
        numberSymbol: "41-CV/BTGDVTU",
        issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        issuedOn: "2026-10-05",
        excerpt: "V/v báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2026",
      },
    });
    expect(cv.status()).toBe(201);
    const forms = await (await api.get(`${env.server.url}/api/forms`)).json();
    const request = await api.post(`${env.server.url}/api/requests`, {
      headers,
      data: {
        issuerUnitCode: "82",
        issuerBodyId: bodies.propaganda_mass_mobilization_board,
        formId: forms.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id,
        period: { code: "2026" },
        citedDocumentId: (await cv.json()).id,
        targetBodyIds: [bodies.people_committee, bodies.fatherland_front],
        allowOverlap: true,
      },
    });
    expect(request.status(), await request.text()).toBe(201);
    const requestId = (await request.json()).id as number;

    // the People's Committee's editor sees its own report only, not the Front's
    const ubnd = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await ubnd.goto(`${env.server.url}/reports`);
    await logIn(ubnd, "ubnd.dongthap");
    const rows = ubnd.getByTestId("inbox").getByRole("row", { name: /41-CV\/BTGDVTU/ });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Ủy ban nhân dân tỉnh Đồng Tháp");
    await rows.first().getByRole("link").first().click();
    await ubnd.waitForURL(/\/submissions\/\d+/);
    const submissionUrl = ubnd.url();
    await expect
      .poll(() => ubnd.getByTestId("opening-line").textContent())
      .toBe(
        "Thực hiện Công văn số 41-CV/BTGDVTU ngày 05 tháng 10 năm 2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy về việc báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2026, Ủy ban nhân dân tỉnh báo cáo như sau:",
      );
    const narrative = ubnd.getByTestId("narrative-I");
    await narrative.click();
    await ubnd.keyboard.type(
      "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn tỉnh ổn định.",
    );
    await expect
      .poll(() => ubnd.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/Đã lưu/);

    // its own numbered document: the People's Committee's layout, signature and recipients
    const panel = ubnd.getByTestId("answer-document");
    await panel
      .getByTestId("answer-document-authority")
      .fill("TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch");
    await panel.getByTestId("answer-document-signer").fill("Trần Văn B");
    const { word, symbol } = await numberAnswer(ubnd);
    expect(word.suggestedFilename()).toMatch(/bc-ubnd\.docx$/i);
    await expect
      .poll(() => ubnd.getByTestId("answer-number").textContent())
      .toBe(`Văn bản trả lời: số ${symbol}`);
    await ubnd.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect.poll(() => ubnd.getByTestId("status").first().textContent()).toBe("Đã gửi");
    await ubnd.screenshot({ path: "test-results/body-answer-sent.png", fullPage: true });
    await ubnd.setViewportSize({ width: 390, height: 844 });
    await ubnd.screenshot({ path: "test-results/body-answer-sent-phone.png", fullPage: true });

    // the number stands in the province's registry of outgoing documents, issued by the People's Committee
    await board.goto(`${env.server.url}/registry?unit=82`);
    await board.getByTestId("registry-search").fill(symbol);
    const entry = board.getByTestId("registry-list").getByRole("row", { name: new RegExp(symbol) });
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain("Ủy ban nhân dân tỉnh");

    // the board sees it sent and accepts it
    await board.goto(`${env.server.url}/requests/${requestId}`);
    const row = board.getByTestId("targets").getByRole("row", { name: /Ủy ban nhân dân tỉnh/ });
    await expect.poll(() => row.getByTestId("status").textContent()).toBe("Đã gửi");
    // the board sees which numbered document answered it, and accepts it
    await acceptAnswer(board, submissionUrl, symbol);
    await board.screenshot({ path: "test-results/body-answer-accepted.png", fullPage: true });
    // the People's Committee sees it accepted
    await ubnd.reload();
    await expect.poll(() => ubnd.getByTestId("status").first().textContent()).toBe("Đã tiếp nhận");
  });

  it("the Tháp Mười review of 2024, as it was made: the UBND huyện numbers its report to 113-CV/BDVHU, the Ban Dân vận accepts it", async () => {
    // the People's Committee of the district, as its office worked in 2024: the report it sent, from its inbox
    const ubnd = await (await env.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await ubnd.goto(`${env.server.url}/reports`);
    await logIn(ubnd, "ubnd.huyen.thapmuoi");
    const row = ubnd.getByTestId("inbox").getByRole("row", { name: /113-CV\/BDVHU/ });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole("link").first().click();
    await ubnd.waitForURL(/\/submissions\/\d+/);
    const submissionUrl = ubnd.url();
    await expect
      .poll(() => ubnd.getByTestId("opening-line").textContent())
      .toMatch(
        /^Thực hiện Công văn số 113-CV\/BDVHU ngày 09 tháng 01 năm 2024 của Ban Dân vận Huyện ủy về việc .+, Ủy ban nhân dân huyện báo cáo như sau:$/,
      );
    // its own document: numbered from its registry of 2024, its recipients and its signature block
    const { word, symbol } = await numberAnswer(ubnd);
    const text = strFromU8(
      unzipSync(new Uint8Array(readFileSync(await word.path())))["word/document.xml"] as Uint8Array,
    ).replace(/<[^>]+>/g, "");
    for (const words of [
      "ỦY BAN NHÂN DÂN",
      "HUYỆN THÁP MƯỜI",
      `Số: ${symbol}`,
      "ngày 05 tháng 02 năm 2024",
      "Sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU",
      "Ban Dân vận Huyện ủy;",
      "Lưu: VT",
      "Nguyễn Văn Hiệp",
    ])
      expect(text, words).toContain(words);
    await ubnd.screenshot({ path: "test-results/thap-muoi-2024-numbered.png", fullPage: true });

    // the Ban Dân vận Huyện ủy finds it under the request it issued, numbered, and accepts it
    const board = await (await env.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await board.goto(`${env.server.url}/reports`);
    await logIn(board, "bdv.huyen.thapmuoi");
    await board.getByRole("tab", { name: /Yêu cầu đã giao/ }).click();
    const request = board.getByTestId("issued").getByRole("row", { name: /113-CV\/BDVHU/ });
    await expect.poll(() => request.count()).toBe(1);
    await request.getByRole("link").first().click();
    await board.waitForURL(/\/requests\/\d+/);
    const target = board.getByTestId("targets").getByRole("row", { name: /Ủy ban nhân dân huyện Tháp Mười/ });
    await expect.poll(() => target.getByTestId("status").textContent()).toBe("Đã gửi");
    await acceptAnswer(board, submissionUrl, symbol);
    await board.screenshot({ path: "test-results/thap-muoi-2024-accepted-phone.png", fullPage: true });
  });
});
