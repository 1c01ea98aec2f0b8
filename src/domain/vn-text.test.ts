import { describe, expect, it } from "vitest";
import { canonicalTonePlacement, foldVietnamese, nameMatchKey, normalizeName } from "./vn-text.ts";

describe("foldVietnamese", () => {
  it.each([
    ["Tháp Mười", "thap muoi"],
    ["Đắk Lắk", "dak lak"],
    ["ĐỒNG THÁP", "dong thap"],
    ["  Thái   Nguyên ", "thai nguyen"],
    ["Ea H'Leo", "ea h'leo"],
    ["Hoà Bình", "hoa binh"],
    ["Hòa Bình", "hoa binh"],
    ["Quỳnh Lưu", "quynh luu"],
  ])("%s → %s", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it("folds decomposed (NFD) input like composed input", () => {
    expect(foldVietnamese("Tha\u0301p Mu\u031bo\u031b\u0300i")).toBe("thap muoi");
  });
});

describe("canonicalTonePlacement", () => {
  it.each([
    ["Hoà", "Hòa"],
    ["Hòa", "Hòa"],
    ["Khánh Hoà", "Khánh Hòa"],
    ["Thuỷ", "Thủy"],
    ["Thủy", "Thủy"],
    ["hoè", "hòe"],
    ["Hoàng", "Hoàng"], // final consonant: tone stays on a in both styles
    ["Quý", "Quý"], // qu + y: u is part of the consonant
    ["Toản", "Toản"],
    ["Thanh Hoá", "Thanh Hóa"],
    ["Hoa", "Hoa"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalTonePlacement(input)).toBe(expected);
  });
});

describe("normalizeName / nameMatchKey", () => {
  it("gives NFC with canonical tones and single spaces", () => {
    const out = normalizeName("  Hoa\u0300   Bi\u0300nh ");
    expect(out).toBe("Hòa Bình");
    expect(out).toBe(out.normalize("NFC"));
  });
  it("matches the two tone styles and letter case", () => {
    expect(nameMatchKey("Thôn Hoà Bình")).toBe(nameMatchKey("thôn hòa bình"));
    expect(nameMatchKey("Ấp 1")).not.toBe(nameMatchKey("Ấp 2"));
  });
});
