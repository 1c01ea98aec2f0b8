/**
 * What runs on the build threads: exported workbooks and official documents (DOCX, PDF). These threads stay
 * warm a while (offload/pool.ts), so the fonts are parsed once per thread, not once per document.
 * @module
 */
import { renderDocx } from "../files/render-docx.ts";
import { renderPdf } from "../files/render-pdf.ts";
import { buildTable, TableSchema } from "../files/table-xlsx.ts";
import { validationDetails } from "../http/zod-messages.ts";
import { type ImportLimits, LimitExceeded } from "./limits.ts";
import { type Answer, answer, type BuildTask, type BuiltTable, Refused } from "./tasks.ts";

async function run(task: BuildTask): Promise<unknown> {
  switch (task.kind) {
    case "table":
      return table(task.json, task.limits);
    case "document":
      return new Uint8Array(task.format === "pdf" ? await renderPdf(task.doc) : await renderDocx(task.doc));
  }
}

async function table(json: string, limits: ImportLimits): Promise<BuiltTable> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Refused([
      {
        path: "",
        field: "",
        message: (err as Error).message,
        code: "custom" as const,
        messageVi: "Dữ liệu gửi lên không phải JSON hợp lệ",
        messageEn: "The body is not valid JSON",
      },
    ]);
  }
  const parsed = TableSchema.safeParse(value);
  if (!parsed.success) throw new Refused(validationDetails(parsed.error.issues));
  const t = parsed.data;
  if (t.rows.length > limits.exportRows)
    throw new LimitExceeded({ limit: "exportRows", max: limits.exportRows });
  const cells = t.rows.reduce((n, r) => n + r.length, t.columns.length);
  if (cells > limits.exportCells) throw new LimitExceeded({ limit: "exportCells", max: limits.exportCells });
  return { title: t.title, bytes: await buildTable(t) };
}

export default function work(task: BuildTask): Promise<Answer<unknown>> {
  return answer(task, run);
}
