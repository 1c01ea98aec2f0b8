/**
 * Every text a page asks for exists in both languages: a missing key would put its name ("reports.countRule")
 * on the page instead of words.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const webSrc = path.join(here, "..");
const source = fs.readFileSync(path.join(here, "i18n.ts"), "utf8");

/** The `vi` and `en` objects of i18n.ts, read as the literals they are. */
function resources(): { vi: Record<string, unknown>; en: Record<string, unknown> } {
  const viStart = source.indexOf("const vi = {") + "const vi = ".length;
  const enStart = source.indexOf("const en: WithPlurals<typeof vi> = {");
  const enEnd = source.indexOf("\ni18n.use(");
  const literal = (text: string) => Function(`return (${text.trim().replace(/;\s*$/, "")})`)();
  return {
    vi: literal(source.slice(viStart, enStart)),
    en: literal(source.slice(enStart + "const en: WithPlurals<typeof vi> = ".length, enEnd)),
  };
}

const lookup = (o: Record<string, unknown>, key: string) =>
  key
    .split(".")
    .reduce<unknown>(
      (x, p) => (x && typeof x === "object" ? (x as Record<string, unknown>)[p] : undefined),
      o,
    );
const exists = (o: Record<string, unknown>, key: string) =>
  typeof lookup(o, key) === "string" ||
  typeof lookup(o, `${key}_one`) === "string" ||
  typeof lookup(o, key) === "object";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("the pages' texts", () => {
  const { vi, en } = resources();
  const used = new Map<string, string>();
  for (const f of files(webSrc)) {
    for (const m of fs.readFileSync(f, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) {
      used.set(m[1] as string, path.relative(webSrc, f));
    }
  }
  it("finds the texts the pages ask for", () => {
    expect(used.size).toBeGreaterThan(300);
  });
  it("has each of them in Vietnamese and English", () => {
    const missing = [...used]
      .filter(([k]) => !exists(vi, k) || !exists(en, k))
      .map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });
});

/** Every text of a language, by its key path. */
function texts(o: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string"
      ? [[`${prefix}${k}`, v] as [string, string]]
      : texts(v as Record<string, unknown>, `${prefix}${k}.`),
  );
}

describe("counts in the texts", () => {
  const { vi, en } = resources();
  it("are written by the one number format (2.500 / 2,500), never as i18next prints them", () => {
    const bare = [...texts(vi), ...texts(en)].filter(([, v]) => /\{\{count\}\}/.test(v)).map(([k]) => k);
    expect(bare).toEqual([]);
  });
  it("have their English singular (“1 model”, not “1 models”)", () => {
    const all = new Map(texts(en));
    const missing = [...all]
      .filter(([k, v]) => !k.endsWith("_one") && v.includes("{{count, number}}") && !all.has(`${k}_one`))
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });
});
