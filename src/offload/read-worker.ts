/**
 * What runs on the upload threads: reading workbooks and CSV files, checking attachments' content. Only the
 * readers are loaded here (not the document renderers and their fonts), and a thread ends with its task
 * (offload/pool.ts), so a big upload's memory is given back as soon as it is read.
 * @module
 */
import { parse } from "csv-parse/sync";
import { type PackedSheet, SheetPacker } from "../files/packed-sheet.ts";
import { readSheet } from "../files/sheet-reader.ts";
import { checkAttachmentContent } from "./attachment-check.ts";
import { type ImportLimits, LimitExceeded } from "./limits.ts";
import { type Answer, answer, type ReadTask } from "./tasks.ts";

async function run(task: ReadTask): Promise<unknown> {
  switch (task.kind) {
    case "sheet": {
      const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      const sheet = await readSheet(buf, task.sheetName, task.limits);
      // packed as they come: the thread never holds the rows as objects (files/packed-sheet.ts)
      const packer = new SheetPacker();
      for await (const r of sheet.rows()) packer.add(r);
      return packer.pack(sheet.name) satisfies PackedSheet;
    }
    case "csv":
      return readCsv(new TextDecoder().decode(task.bytes), task.limits);
    case "attachment":
      await checkAttachmentContent(task.type, task.bytes, task.limits);
      return null;
  }
}

/** A CSV's records, each field within the limits (csv-parse stops at the first record past them). */
function readCsv(text: string, limits: ImportLimits): string[][] {
  const records: string[][] = [];
  parse(text.replace(/^\uFEFF/, ""), {
    relaxColumnCount: true,
    skipEmptyLines: true,
    // a quoted field that never ends stops here, not at the end of the file
    maxRecordSize: limits.cellChars * 4,
    onRecord: (record: string[]) => {
      if (records.length >= limits.rows) throw new LimitExceeded({ limit: "rows", max: limits.rows });
      if (record.length > limits.columns) throw new LimitExceeded({ limit: "columns", max: limits.columns });
      for (const f of record) {
        if (f.length > limits.cellChars)
          throw new LimitExceeded({ limit: "cellChars", max: limits.cellChars });
      }
      records.push(record);
      return null;
    },
  });
  return records;
}

export default function work(task: ReadTask): Promise<Answer<unknown>> {
  return answer(task, run);
}
