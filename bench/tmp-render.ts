import { renderDocx } from "../src/features/documents/render-docx.ts";
import { renderPdf } from "../src/features/documents/render-pdf.ts";
import { thapMuoiDocument } from "../test/fixtures/thap-muoi.ts";

const d = thapMuoiDocument();
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  await renderPdf(d);
  const p = performance.now() - t;
  t = performance.now();
  await renderDocx(d);
  console.log("pdf", p.toFixed(0), "docx", (performance.now() - t).toFixed(0));
}
