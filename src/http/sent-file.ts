/**
 * The file a request sends as its raw body (an attachment, a filled workbook), within the app's body limit;
 * an empty body is refused where a file was expected, naming which.
 * @module
 */
import type { Context } from "hono";
import { errors } from "../errors.ts";

export async function sentFile(c: Context, kind: "file" | "excel" = "file"): Promise<Buffer> {
  const body = Buffer.from(await c.req.arrayBuffer());
  if (body.length > 0) return body;
  throw kind === "excel"
    ? errors.badRequest("Chưa chọn tệp Excel", "No Excel file was sent")
    : errors.badRequest("Chưa chọn tệp", "No file was sent", { field: "file" });
}
