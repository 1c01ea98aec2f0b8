/**
 * The attacks of bench:abuse, from their own process (so the server's process holds only the server):
 * generates the hostile files, keeps a steady read load running (health probes and unit searches), sends
 * each attack in turn and then the heaviest three at once, and prints on its last line, as JSON, each
 * attack's status and answer time and the health probes' times during the attacks.
 * Usage: abuse-client.ts '{"url","cookie","csrf","requestId"}'
 */
import { XLSX_TYPE } from "../../src/http/schemas.ts";
import { docxBomb, pngPixelBomb } from "../../test/fixtures/files.ts";
import {
  endlessQuotedField,
  manyRows,
  spacesBetweenRows,
  spacesInARow,
} from "../../test/fixtures/hostile.ts";

const { url, cookie, csrf, requestId, modelId } = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  cookie: string;
  csrf: string;
  requestId: number;
  modelId: number;
};
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} client: ${s}\n`);
const MB = 1024 * 1024;

interface Attack {
  name: string;
  path: string;
  type: string;
  body: () => Uint8Array | string;
}

const xlsx = (b: Buffer) => () => new Uint8Array(b);
say("generating the hostile files");
const attacks: Attack[] = [
  {
    name: "models_1m_rows",
    path: "/api/models/excel?unit=30037&year=2026",
    type: XLSX_TYPE,
    body: xlsx(manyRows("Mô hình", 1_000_000)),
  },
  {
    name: "models_10x_body",
    path: "/api/models/excel?unit=30037&year=2026",
    type: XLSX_TYPE,
    body: () => new Uint8Array(150 * MB),
  },
  {
    name: "spaces_row_300mb",
    path: `/api/requests/${requestId}/excel`,
    type: XLSX_TYPE,
    body: xlsx(spacesInARow("Số liệu", 300)),
  },
  {
    name: "spaces_row_3gb",
    path: `/api/requests/${requestId}/excel`,
    type: XLSX_TYPE,
    body: xlsx(spacesInARow("Số liệu", 3000)),
  },
  {
    name: "spaces_rows_300mb",
    path: "/api/models/excel?unit=30037&year=2026",
    type: XLSX_TYPE,
    body: xlsx(spacesBetweenRows("Mô hình", 300)),
  },
  {
    name: "spaces_rows_3gb",
    path: "/api/models/excel?unit=30037&year=2026",
    type: XLSX_TYPE,
    body: xlsx(spacesBetweenRows("Mô hình", 3000)),
  },
  {
    name: "csv_field_10mb",
    path: `/api/requests/${requestId}/dataValueSets.csv`,
    type: "text/csv",
    body: () => new Uint8Array(endlessQuotedField(10)),
  },
  {
    name: "csv_field_30mb",
    path: `/api/requests/${requestId}/dataValueSets.csv`,
    type: "text/csv",
    body: () => new Uint8Array(endlessQuotedField(30)),
  },
  {
    name: "attachment_docx_300mb",
    path: `/api/models/${modelId}/attachments?filename=bao-cao.docx`,
    type: "application/octet-stream",
    body: () => new Uint8Array(docxBomb(300)),
  },
  {
    name: "attachment_docx_3gb",
    path: `/api/models/${modelId}/attachments?filename=bao-cao.docx`,
    type: "application/octet-stream",
    body: () => new Uint8Array(docxBomb(3000)),
  },
  {
    name: "attachment_png_10gpx",
    path: `/api/models/${modelId}/attachments?filename=anh.png`,
    type: "application/octet-stream",
    body: () => new Uint8Array(pngPixelBomb(100_000, 100_000)),
  },
  {
    name: "export_100k_rows",
    path: "/api/export/xlsx",
    type: "application/json",
    body: () =>
      JSON.stringify({ title: "Bảng", columns: ["A"], rows: Array.from({ length: 100_000 }, (_, i) => [i]) }),
  },
  {
    name: "export_1m_rows",
    path: "/api/export/xlsx",
    type: "application/json",
    body: () =>
      JSON.stringify({
        title: "Bảng",
        columns: ["A"],
        rows: Array.from({ length: 1_000_000 }, (_, i) => [i]),
      }),
  },
  {
    name: "export_50k_rows_wide",
    path: "/api/export/xlsx",
    type: "application/json",
    body: () =>
      JSON.stringify({
        title: "Bảng",
        columns: Array.from({ length: 20 }, (_, i) => `C${i}`),
        rows: Array.from({ length: 40_000 }, (_, i) => Array.from({ length: 20 }, (_, j) => i + j)),
      }),
  },
];
const bodies = new Map(attacks.map((a) => [a.name, a.body()]));

async function send(a: Attack) {
  const start = performance.now();
  const res = await fetch(url + a.path, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrf, "content-type": a.type },
    body: bodies.get(a.name) as RequestInit["body"],
  }).catch((e: Error) => ({ status: 0, text: async () => e.message }) as Response);
  const text = await res.text();
  const end = performance.now();
  // the slowest health probe sent while this attack was being answered
  const during = health.filter((_, i) => (healthAt[i] ?? 0) >= start && (healthAt[i] ?? 0) <= end);
  return {
    name: a.name,
    status: res.status,
    seconds: (end - start) / 1000,
    code: /"code":"(\w+)"/.exec(text)?.[1] ?? "",
    healthMaxMs: Math.round(Math.max(0, ...during)),
  };
}

// the steady read load: a health probe every 20 ms, and four clients each searching units 20 times a second
let attacking = false;
let quietPhase = false;
let running = true;
const health: number[] = [];
/** the baseline: the same probes under the same read load, before any attack */
const quiet: number[] = [];
const healthAt: number[] = [];
let reads = 0;
let readErrors = 0;
const probe = (async () => {
  while (running) {
    const s = performance.now();
    const res = await fetch(`${url}/api/health`);
    await res.arrayBuffer();
    if (attacking) {
      health.push(performance.now() - s);
      healthAt.push(s);
    } else if (quietPhase) quiet.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 20));
  }
})();
const readers = Array.from({ length: 4 }, async () => {
  while (running) {
    const res = await fetch(`${url}/api/units?q=thap`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status === 200) reads++;
    else readErrors++;
    await new Promise((r) => setTimeout(r, 50));
  }
});

await new Promise((r) => setTimeout(r, 1000));
quietPhase = true;
await new Promise((r) => setTimeout(r, 5000));
quietPhase = false;
const answers = [];
attacking = true;
for (const a of attacks) {
  const r = await send(a);
  say(
    `${r.name}: ${r.status} ${r.code} in ${r.seconds.toFixed(2)} s (slowest health probe ${r.healthMaxMs} ms)`,
  );
  answers.push(r);
}
const heavy = attacks.filter((a) =>
  ["models_1m_rows", "spaces_rows_300mb", "export_50k_rows_wide"].includes(a.name),
);
const together = await Promise.all(heavy.map(send));
for (const r of together) say(`at once, ${r.name}: ${r.status} ${r.code} in ${r.seconds.toFixed(2)} s`);
answers.push(...together.map((r) => ({ ...r, name: `${r.name}_at_once` })));
attacking = false;
running = false;
await Promise.all([probe, ...readers]);
console.log(JSON.stringify({ answers, health, quiet, reads, readErrors }));
