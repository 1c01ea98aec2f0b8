/**
 * bench:docx — official documents from the one model: the Tháp Mười report rebuilt from data
 * (test/fixtures: 5 footnotes, the report's full text) rendered to DOCX and to PDF, one at a time after a
 * warm-up, then a batch of BENCH_BATCH (1,000) documents of each kind with the throughput and the peak RSS.
 * Targets: DOCX ≤ 100 ms, PDF ≤ 300 ms (p95, one document). In the same run, the baseline: the same text
 * written by the same libraries with no layout of ours (bench/lib/plain-document.ts), and the ratios.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderDocx } from "../src/files/render-docx.ts";
import { renderPdf } from "../src/files/render-pdf.ts";
import { thapMuoiDocument } from "../test/fixtures/thap-muoi.ts";
import { percentile } from "./lib/national.ts";
import { plainDocx, plainLines, plainPdf } from "./lib/plain-document.ts";

const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const say = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const doc = thapMuoiDocument();

async function timed(render: () => Promise<Buffer>, n: number): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    bytes = (await render()).length;
    times.push(performance.now() - s);
  }
  return { times: times.sort((a, b) => a - b), bytes };
}

for (let i = 0; i < 5; i++) {
  await renderDocx(doc);
  await renderPdf(doc);
}
const lines = plainLines(doc);
for (let i = 0; i < 5; i++) {
  await plainDocx(lines);
  await plainPdf(lines);
}
const docx = await timed(() => renderDocx(doc), 40);
const pdf = await timed(() => renderPdf(doc), 40);
const bareDocx = await timed(() => plainDocx(lines), 40);
const barePdf = await timed(() => plainPdf(lines), 40);
const p95 = (t: { times: number[] }) => percentile(t.times, 95);
const dir = mkdtempSync(path.join(tmpdir(), "danvan-bench-docx-"));
const sample = path.join(dir, "thap-muoi.pdf");
writeFileSync(sample, await renderPdf(doc));
const pages = Number(
  /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [sample], { encoding: "utf8" }))?.[1] ?? 0,
);
rmSync(dir, { recursive: true, force: true });
say(
  `one document (${pages} pages, ${doc.footnotes.length} footnotes): DOCX p50 ${percentile(docx.times, 50).toFixed(0)} ms, p95 ${percentile(docx.times, 95).toFixed(0)} ms (${docx.bytes} bytes); PDF p50 ${percentile(pdf.times, 50).toFixed(0)} ms, p95 ${percentile(pdf.times, 95).toFixed(0)} ms (${pdf.bytes} bytes)`,
);

let s = performance.now();
for (let i = 0; i < BATCH; i++) await renderDocx(doc);
const docxBatch = (performance.now() - s) / 1000;
say(`${BATCH} DOCX in ${docxBatch.toFixed(1)} s`);
s = performance.now();
for (let i = 0; i < BATCH; i++) await renderPdf(doc);
const pdfBatch = (performance.now() - s) / 1000;
say(`${BATCH} PDF in ${pdfBatch.toFixed(1)} s`);
const peakMb = process.resourceUsage().maxRSS / 1024;

console.log(
  `Tháp Mười report, ${pages} pages: DOCX p95 ${percentile(docx.times, 95).toFixed(0)} ms (target ≤ 100), PDF p95 ${percentile(pdf.times, 95).toFixed(0)} ms (target ≤ 300); batch of ${BATCH}: ${(BATCH / docxBatch).toFixed(0)} DOCX/s, ${(BATCH / pdfBatch).toFixed(1)} PDF/s, peak RSS ${peakMb.toFixed(0)} MB`,
);
say(
  `the same text by the libraries alone: DOCX p95 ${p95(bareDocx).toFixed(0)} ms, PDF p95 ${p95(barePdf).toFixed(0)} ms`,
);
console.log(
  `baseline_docx_p95_ms=${p95(bareDocx).toFixed(1)} baseline_pdf_p95_ms=${p95(barePdf).toFixed(1)} docx_to_baseline=${(p95(docx) / p95(bareDocx)).toFixed(2)} pdf_to_baseline=${(p95(pdf) / p95(barePdf)).toFixed(2)} pages=${pages} footnotes=${doc.footnotes.length} docx_p50_ms=${percentile(docx.times, 50).toFixed(1)} docx_p95_ms=${percentile(docx.times, 95).toFixed(1)} pdf_p50_ms=${percentile(pdf.times, 50).toFixed(1)} pdf_p95_ms=${percentile(pdf.times, 95).toFixed(1)} batch=${BATCH} docx_per_s=${(BATCH / docxBatch).toFixed(1)} pdf_per_s=${(BATCH / pdfBatch).toFixed(1)} peak_rss_mb=${peakMb.toFixed(0)}`,
);
