/**
 * Every page of the app, checked as a person checks it: no serious or critical accessibility violation
 * (axe-core in Chromium), no developer reference or unfilled text on the page, usable on a phone (390 px:
 * the page itself never scrolls sideways; wide tables scroll in their own frame), in Vietnamese and in
 * English. Screenshots of each page at 1366×900 and 390×844 are left in test-results/pages for a reviewer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, startServerAndBrowser } from "./helpers.ts";

const env = startServerAndBrowser();
const SHOTS = "test-results/pages";
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** What a page must never show: notes for developers, a text key or a value that did not arrive. */
const NOT_FOR_OFFICIALS = /RULES\.md|RULES §|§\s?\d|\[S\d+\]|\{\{|\bundefined\b|\bNaN\b|\[object Object\]/;

interface Problem {
  page: string;
  what: string;
}

/** The ids the detail pages need, read through the API as the logged-in user. */
async function detailPaths(context: BrowserContext, base: string): Promise<Record<string, string>> {
  const get = async (p: string) => (await context.request.get(`${base}${p}`)).json();
  const unit = (await get("/api/auth/me")).grants?.[0]?.unitCode || "82";
  const year = new Date().getFullYear() - 1;
  const out: Record<string, string> = { unit: `/units/${unit === "82" ? "30037" : unit}` };
  const requests = await get("/api/requests");
  const request = requests.items?.[0] ? await get(`/api/requests/${requests.items[0].id}`) : null;
  if (request) out.request = `/requests/${request.id}`;
  const inbox = await get("/api/inbox");
  const submission = request?.targets?.find((x: { id?: number }) => x.id)?.id ?? inbox.items?.[0]?.id;
  if (submission) out.submission = `/submissions/${submission}`;
  const plans = await get(`/api/plans?unit=${unit}`);
  if (plans.items?.[0]) out.plan = `/plans/${plans.items[0].id}`;
  const models = await get(`/api/models?unit=${unit}&year=${year}`);
  if (models.items?.[0]) out.model = `/models/${models.items[0].id}`;
  const schemes = await get(`/api/evaluation-schemes?unit=${unit}`);
  const scheme = schemes.items?.[0] ? await get(`/api/evaluation-schemes/${schemes.items[0].id}`) : null;
  if (scheme?.evaluations?.[0]) out.evaluation = `/evaluations/${scheme.evaluations[0].id}`;
  const letters = await get(`/api/letters?unit=${unit}`);
  if (letters.items?.[0]) out.letter = `/letters/${letters.items[0].id}`;
  return out;
}

const LIST_PAGES = [
  "/reports",
  "/dashboard",
  "/units",
  "/users",
  "/audit",
  "/indicators",
  "/forms",
  "/documents",
  "/registry",
  "/plans",
  "/models",
  "/evaluations",
  "/letters",
  "/reception",
  "/legal-rules",
  "/calendar",
  "/account",
];

/** Waits for a page to settle: its heading shown and no request in flight for a moment. */
async function settle(page: Page) {
  await page.locator("main h1, main h2, main h3, main h4").first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

async function check(page: Page, name: string, lang: string, problems: Problem[], axe: boolean) {
  const where = `${name} (${lang}, ${page.viewportSize()?.width}px)`;
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (textContent would read the styles)
  const text = await page.locator("body").innerText();
  const odd = NOT_FOR_OFFICIALS.exec(text);
  if (odd)
    problems.push({
      page: where,
      what: `shows “${text.slice(Math.max(0, odd.index - 40), odd.index + 40)}”`,
    });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push({ page: where, what: `scrolls sideways by ${overflow} px` });
  // the header holds its buttons: none wraps below it, over the page
  const spill = await page.evaluate(() => {
    const header = document.querySelector("header");
    if (!header) return 0;
    const bottom = header.getBoundingClientRect().bottom;
    const skip = header.querySelector(".skip-link");
    return Math.max(
      0,
      ...[...header.querySelectorAll("*")]
        .filter((e) => e !== skip && (e as HTMLElement).offsetParent !== null)
        .map((e) => e.getBoundingClientRect().bottom - bottom),
    );
  });
  if (spill > 1) problems.push({ page: where, what: `the header's content spills below it by ${spill} px` });
  // a badge says all it has to say: none cut short ("VĂN …")
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll(".mantine-Badge-label")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.textContent ?? ""),
  );
  if (cut.length) problems.push({ page: where, what: `badges cut short: ${[...new Set(cut)].join(", ")}` });
  if (axe) {
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    for (const v of result.violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
      problems.push({
        page: where,
        what: `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => {
            // the colours axe measured, for a contrast failure
            const d = n.any[0]?.data as
              | { fgColor?: string; bgColor?: string; contrastRatio?: number }
              | undefined;
            return `${n.target.join(" ")}${d?.fgColor ? ` (${d.fgColor} on ${d.bgColor}: ${d.contrastRatio})` : ""}`;
          })
          .join(", ")}`,
      });
    }
  }
}

async function visitAll(username: string, lang: "vi" | "en") {
  const context = await env.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/reports`);
  await logIn(page, username);
  await page.getByRole("navigation").waitFor();
  if (lang === "en") {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
  }
  const details = await detailPaths(context, env.server.url);
  const pages: [string, string][] = [
    ...LIST_PAGES.map((p): [string, string] => [p.slice(1), p]),
    ...Object.entries(details),
  ];
  const problems: Problem[] = [];
  mkdirSync(SHOTS, { recursive: true });
  for (const [name, path] of pages) {
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(`${env.server.url}${path}`);
      await settle(page);
      await check(page, name, lang, problems, true);
      await page.screenshot({
        path: `${SHOTS}/${username}-${lang}-${name}-${size === DESKTOP ? "1366" : "390"}.png`,
        fullPage: true,
      });
    }
  }
  await context.close();
  // the list as a reviewer reads it, beside the screenshots
  writeFileSync(`${SHOTS}/${username}-${lang}-problems.json`, JSON.stringify(problems, null, 1));
  return { problems, visited: pages.length };
}

describe("every page, as a person checks it", () => {
  it("the province editor's pages in Vietnamese", async () => {
    const { problems, visited } = await visitAll("dongthap", "vi");
    expect(visited).toBeGreaterThanOrEqual(LIST_PAGES.length + 4);
    expect(problems).toEqual([]);
  }, 600_000);

  it("the system admin's pages in English", async () => {
    const { problems } = await visitAll("admin", "en");
    expect(problems).toEqual([]);
  }, 600_000);

  it("the commune editor's pages in Vietnamese", async () => {
    const { problems } = await visitAll("xa.thapmuoi", "vi");
    expect(problems).toEqual([]);
  }, 600_000);
});
