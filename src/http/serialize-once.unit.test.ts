import { describe, expect, it } from "vitest";
import { jsonBytes, shareJson } from "./serialize-once.ts";

const jsonText = (body: object) => jsonBytes(body).toString("utf8");

describe("jsonBytes", () => {
  it.each([
    [{}],
    [{ a: 1, b: "x", c: null, d: [1, { e: "đ" }] }],
    [{ skipped: undefined, kept: false }],
    [{ nested: { deep: { text: 'quote " and \\ backslash' } } }],
  ])("writes what JSON.stringify writes: %j", (body) => {
    expect(jsonText(body)).toBe(JSON.stringify(body));
  });

  it("writes a shared part from the text kept at its first use", () => {
    const form = shareJson({ id: 1, sections: [{ key: "I" }] });
    expect(jsonText({ form, n: 1 })).toBe(JSON.stringify({ form, n: 1 }));
    const list = shareJson([{ nameVi: "Số mô hình “Dân vận khéo”" }]);
    for (const body of [
      { list, form },
      { n: 1, list, m: "đã gửi", form },
      { list },
      { a: undefined, list, b: 2 },
    ]) {
      expect(jsonText(body)).toBe(JSON.stringify(body));
    }
    // a shared part must not change; if it did, the kept text shows that it is the kept one
    form.id = 2;
    expect(jsonText({ form })).toBe('{"form":{"id":1,"sections":[{"key":"I"}]}}');
    expect(jsonText({ other: { id: 2 } })).toBe('{"other":{"id":2}}');
  });
});
