/**
 * What a refused field says, in Vietnamese and English, from the schema's verdict (zod's issue): "Tối đa 300
 * ký tự", "Bắt buộc nhập", not the library's English or a developer's pattern. The field's path stays in the
 * answer for the page to put the message under its input.
 * @module
 */
import type { z } from "@hono/zod-openapi";

type Issue = z.core.$ZodIssue;

const TYPE_VI: Record<string, string> = {
  string: "chữ",
  number: "số",
  int: "số nguyên",
  boolean: "đúng/sai",
  array: "danh sách",
  object: "nhóm dữ liệu",
  date: "ngày",
};

const n = (v: unknown) => (typeof v === "bigint" ? v.toString() : String(v));

export function issueMessages(issue: Issue): { messageVi: string; messageEn: string } {
  switch (issue.code) {
    case "invalid_type":
      // zod leaves the input out of its issues; its own message says when nothing was given
      return issue.input === undefined && /received undefined/.test(issue.message)
        ? { messageVi: "Bắt buộc nhập", messageEn: "Required" }
        : {
            messageVi: `Phải là ${TYPE_VI[issue.expected] ?? issue.expected}`,
            messageEn: `Must be a ${issue.expected}`,
          };
    case "too_big": {
      const max = n(issue.maximum);
      if (issue.origin === "string")
        return { messageVi: `Tối đa ${max} ký tự`, messageEn: `At most ${max} characters` };
      if (issue.origin === "array" || issue.origin === "set")
        return { messageVi: `Tối đa ${max} mục`, messageEn: `At most ${max} items` };
      return { messageVi: `Không lớn hơn ${max}`, messageEn: `At most ${max}` };
    }
    case "too_small": {
      const min = n(issue.minimum);
      if (issue.origin === "string") {
        return min === "1"
          ? { messageVi: "Không được để trống", messageEn: "Must not be empty" }
          : { messageVi: `Tối thiểu ${min} ký tự`, messageEn: `At least ${min} characters` };
      }
      if (issue.origin === "array" || issue.origin === "set")
        return { messageVi: `Ít nhất ${min} mục`, messageEn: `At least ${min} items` };
      return { messageVi: `Không nhỏ hơn ${min}`, messageEn: `At least ${min}` };
    }
    case "invalid_format":
      return issue.format === "email"
        ? { messageVi: "Địa chỉ thư điện tử không đúng", messageEn: "Not an e-mail address" }
        : { messageVi: "Không đúng định dạng", messageEn: issue.message || "Not in the expected form" };
    case "invalid_value":
      return {
        messageVi: `Giá trị không hợp lệ (một trong: ${issue.values.map(n).join(", ")})`,
        messageEn: `Not a valid value (one of: ${issue.values.map(n).join(", ")})`,
      };
    case "unrecognized_keys":
      return {
        messageVi: `Không có trường: ${issue.keys.join(", ")}`,
        messageEn: `Unknown fields: ${issue.keys.join(", ")}`,
      };
    case "not_multiple_of":
      return {
        messageVi: `Phải là bội số của ${n(issue.divisor)}`,
        messageEn: `Must be a multiple of ${n(issue.divisor)}`,
      };
    default:
      return { messageVi: "Giá trị không hợp lệ", messageEn: issue.message || "Not valid" };
  }
}

/** A refusal's details, one entry per issue: the field's path and the message in both languages. */
export function validationDetails(issues: readonly Issue[]) {
  return issues.map((i) => ({
    path: i.path.join("."),
    field: i.path.join("."),
    message: i.message,
    code: i.code,
    ...issueMessages(i),
  }));
}
