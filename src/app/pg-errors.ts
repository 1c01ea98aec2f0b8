/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a number beyond its column, text it cannot store, a date
 * it cannot read) come from values a request sent; they are answered as bad input (400), never as a fault.
 * The validators refuse such values first; this is the net behind them. @module
 */
import { AppError } from "../errors.ts";

function sqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export function dataExceptionError(err: unknown): AppError | null {
  const state = sqlState(err);
  if (!state?.startsWith("22")) return null;
  if (state === "22003") {
    return new AppError(
      400,
      "value_out_of_range",
      "Có một số vượt quá giới hạn cho phép",
      "A number is beyond the allowed range",
      { sqlState: state },
    );
  }
  if (state === "22001") {
    return new AppError(400, "value_too_long", "Có một nội dung quá dài", "A text is too long", {
      sqlState: state,
    });
  }
  return new AppError(
    400,
    "value_refused",
    "Có một giá trị không hợp lệ (ký tự, ngày hoặc số không đọc được)",
    "A value is not valid (a character, date or number that cannot be read)",
    { sqlState: state },
  );
}
