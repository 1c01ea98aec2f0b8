import { describe, expect, it } from "vitest";
import {
  checkAttachment,
  extensionOf,
  kindByContent,
  searchQuery,
  searchText,
  symbolKey,
} from "./document-registry.ts";

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe("a scan's kind, by its content alone", () => {
  const scans = ["pdf", "png", "jpg"] as const;
  it.each([
    ["a PDF", [0x25, 0x50, 0x44, 0x46, 0x2d], "pdf"],
    ["a PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d], "png"],
    ["a JPEG", [0xff, 0xd8, 0xff, 0xe0], "jpg"],
    ["a Word document (not a scan)", [0x50, 0x4b, 0x03, 0x04], null],
    ["text", [0x68, 0x65, 0x6c, 0x6c], null],
  ] as const)("%s", (_, bytes, kind) => {
    expect(kindByContent(new Uint8Array(bytes), scans)).toBe(kind);
  });

  it("names the extension of an accepted content type", () => {
    expect(extensionOf("image/jpeg")).toBe("jpg");
    expect(extensionOf("application/pdf")).toBe("pdf");
    expect(extensionOf("text/html")).toBeNull();
  });
});

describe("checkAttachment", () => {
  it.each([
    ["bao-cao.pdf", bytes(0x25, 0x50, 0x44, 0x46), "application/pdf", "pdf"],
    [
      "Ke hoach.DOCX",
      bytes(0x50, 0x4b, 0x03, 0x04),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "docx",
    ],
    [
      "so-lieu.xlsx",
      bytes(0x50, 0x4b, 0x03, 0x04),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "xlsx",
    ],
    ["cu.doc", bytes(0xd0, 0xcf, 0x11, 0xe0), "application/msword", "doc"],
    ["anh.jpg", bytes(0xff, 0xd8, 0xff), "image/jpeg", "jpg"],
    ["anh.JPEG", bytes(0xff, 0xd8, 0xff), "image/jpeg", "jpg"],
  ])("accepts %s", (name, content, type, kind) => {
    expect(checkAttachment(name, content)).toEqual({ ok: true, contentType: type, kind });
  });
  it.each([
    ["virus.exe", bytes(0x4d, 0x5a), "Chỉ nhận"],
    ["gia.pdf", bytes(0x50, 0x4b, 0x03, 0x04), "không phải là tệp .pdf"],
    ["rong.pdf", new Uint8Array(), "rỗng"],
    ["to.pdf", new Uint8Array(20 * 1024 * 1024 + 1).fill(0x25), "20 MB"],
  ])("refuses %s", (name, content, message) => {
    const r = checkAttachment(name, content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messageVi).toContain(message);
  });
});

describe("search text and query (accent-insensitive)", () => {
  it("folds and cuts into plain words", () => {
    expect(
      searchText({
        numberSymbol: "53-KH/HU",
        issuerName: "Huyện ủy Tháp Mười",
        excerpt: "Thực hiện Nghị quyết 01-NQ/TU",
        bodyText: "",
      }),
    ).toBe("53 kh hu huyen uy thap muoi thuc hien nghi quyet 01 nq tu");
  });
  it("keys number-symbols for exact look-up", () => {
    expect(symbolKey("Số: 53-KH/HU")).toBe("53-kh/hu");
    expect(symbolKey(" 06/2024/QĐ-UBND ")).toBe("06/2024/qd-ubnd");
  });
  it.each([
    ["kế hoạch 53-KH", "ke & hoach & 53 & kh:*"],
    ["Dân vận khéo", "dan & van & kheo:*"],
    ["đảng", "dang:*"],
    ["  --- ", null],
    ["a'b:*&|!", "a & b:*"],
  ])("%j → %s", (q, out) => {
    expect(searchQuery(q)).toBe(out);
  });
});
