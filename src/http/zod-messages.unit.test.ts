import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { issueMessages } from "./zod-messages.ts";

const schema = z.object({
  title: z.string().min(1).max(5),
  count: z.number().int().min(0).max(10),
  level: z.enum(["commune", "hamlet"]),
  code: z.string().regex(/^\d{2,5}$/, "unit code: 2–5 digits"),
  items: z.array(z.string()).max(1),
});

const messagesOf = (input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), issueMessages(i)]));
};

describe("issueMessages: a refused field says why, in both languages", () => {
  it.each([
    [{ title: "" }, "title", "Không được để trống", "Must not be empty"],
    [{ title: "toolong" }, "title", "Tối đa 5 ký tự", "At most 5 characters"],
    [{ count: 11 }, "count", "Không lớn hơn 10", "At most 10"],
    [{ count: -1 }, "count", "Không nhỏ hơn 0", "At least 0"],
    [{ count: "x" }, "count", "Phải là số", "Must be a number"],
    [{ title: undefined }, "title", "Bắt buộc nhập", "Required"],
    [
      { level: "x" },
      "level",
      "Giá trị không hợp lệ (một trong: commune, hamlet)",
      "Not a valid value (one of: commune, hamlet)",
    ],
    [{ code: "1" }, "code", "Không đúng định dạng", "unit code: 2–5 digits"],
    [{ items: ["a", "b"] }, "items", "Tối đa 1 mục", "At most 1 items"],
  ])("%o → %s", (input, field, vi, en) => {
    expect(
      messagesOf({ title: "a", count: 1, level: "commune", code: "30037", items: [], ...input })[field],
    ).toEqual({
      messageVi: vi,
      messageEn: en,
    });
  });
});
