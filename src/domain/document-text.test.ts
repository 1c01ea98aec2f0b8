import { describe, expect, it } from "vitest";
import {
  dateInWords,
  moneyInWords,
  nameWithinUnit,
  numberInWords,
  openingLine,
  placeDateLine,
  plainFormName,
  reportExcerpt,
} from "./document-text.ts";

describe("placeDateLine (NĐ 30/2020: leading zero for days 01–09 and months 01–02)", () => {
  it.each([
    ["2024-02-05", "Tháp Mười, ngày 05 tháng 02 năm 2024"],
    ["2024-01-26", "Tháp Mười, ngày 26 tháng 01 năm 2024"],
    ["2022-03-22", "Tháp Mười, ngày 22 tháng 3 năm 2022"],
    ["2023-11-23", "Tháp Mười, ngày 23 tháng 11 năm 2023"],
    ["2025-07-01", "Tháp Mười, ngày 01 tháng 7 năm 2025"],
  ])("%s", (date, line) => {
    expect(placeDateLine("Tháp Mười", date)).toBe(line);
  });
  it("leaves the day and month blank on a draft", () => {
    expect(placeDateLine("Tháp Mười", null, 2024)).toBe("Tháp Mười, ngày      tháng      năm 2024");
  });
  it("refuses a malformed date", () => {
    expect(() => placeDateLine("Tháp Mười", "2024-02-30")).toThrow(RangeError);
  });
});

describe("numberInWords", () => {
  it.each([
    ["0", "không"],
    ["5", "năm"],
    ["10", "mười"],
    ["15", "mười lăm"],
    ["21", "hai mươi mốt"],
    ["25", "hai mươi lăm"],
    ["24", "hai mươi bốn"],
    ["105", "một trăm linh năm"],
    ["110", "một trăm mười"],
    ["2011", "hai nghìn không trăm mười một"],
    ["1354", "một nghìn ba trăm năm mươi bốn"],
    ["1005000", "một triệu không trăm linh năm nghìn"],
    ["4500000", "bốn triệu năm trăm nghìn"],
    ["1000000000", "một tỷ"],
    ["4400000000", "bốn tỷ bốn trăm triệu"],
    ["1000000000000", "một nghìn tỷ"],
    ["1000001000000", "một nghìn tỷ không trăm linh một triệu"],
  ])("%s → %s", (digits, words) => {
    expect(numberInWords(digits)).toBe(words);
  });
  it("refuses what is not a whole number", () => {
    expect(() => numberInWords("4,5")).toThrow(RangeError);
  });
});

describe("moneyInWords", () => {
  it("capitalises and names the currency (Tam Nông 2025: hơn 4,5 tỷ đồng)", () => {
    expect(moneyInWords("4500000000")).toBe("Bốn tỷ năm trăm triệu đồng");
    expect(moneyInWords("256000")).toBe("Hai trăm năm mươi sáu nghìn đồng");
  });
});

describe("reportExcerpt: what the report is, not how its form was chosen", () => {
  it.each([
    [
      "Báo cáo kết quả thực hiện công tác dân vận chính quyền (đề cương Tháp Mười)",
      "6 tháng đầu năm 2026",
      "Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2026",
    ],
    [
      "Báo cáo công tác dân vận năm (đề cương Ban Dân vận Trung ương)",
      "Năm 2026",
      "Công tác dân vận năm 2026",
    ],
    ["Báo cáo tình hình Nhân dân", "Quý III/2026", "Tình hình Nhân dân quý III/2026"],
  ])("%s + %s", (form, period, out) => {
    expect(reportExcerpt(form, period)).toBe(out);
  });
  it("drops the note in brackets from a form's name", () => {
    expect(plainFormName("Báo cáo X (đề cương Tháp Mười)")).toBe("Báo cáo X");
    expect(plainFormName("Báo cáo X")).toBe("Báo cáo X");
  });
});

describe("openingLine: the answer cites the request's document", () => {
  const cv = {
    typeName: "Công văn",
    numberSymbol: "113-CV/BDVHU",
    issuedOn: "2024-01-09",
    issuerName: "Ban Dân vận Huyện ủy",
    excerpt:
      "V/v Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU của Ban Chấp hành Đảng bộ huyện khóa X",
  };
  it.each([
    [
      "the reference report's line",
      cv,
      "Thực hiện Công văn số 113-CV/BDVHU ngày 09 tháng 01 năm 2024 của Ban Dân vận Huyện ủy về việc Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU của Ban Chấp hành Đảng bộ huyện khóa X, Ủy ban nhân dân huyện báo cáo như sau:",
    ],
    [
      "a subject written 'Về việc …;'",
      { ...cv, excerpt: "Về việc: báo cáo 6 tháng;" },
      "Thực hiện Công văn số 113-CV/BDVHU ngày 09 tháng 01 năm 2024 của Ban Dân vận Huyện ủy về việc báo cáo 6 tháng, Ủy ban nhân dân huyện báo cáo như sau:",
    ],
    [
      "only the number known (not in the registry)",
      {
        typeName: "Công văn",
        numberSymbol: "24-CV/BTGDVTU",
        issuedOn: null,
        issuerName: null,
        excerpt: null,
      },
      "Thực hiện Công văn số 24-CV/BTGDVTU, Ủy ban nhân dân huyện báo cáo như sau:",
    ],
  ])("%s", (_name, cited, expected) => {
    expect(openingLine(cited, "Ủy ban nhân dân huyện")).toBe(expected);
  });

  it("leaves out the place name of the unit both bodies belong to", () => {
    const full = { ...cv, issuerName: "Ban Dân vận Huyện ủy Tháp Mười" };
    expect(openingLine(full, "Ủy ban nhân dân huyện Tháp Mười", "Tháp Mười")).toBe(
      openingLine(cv, "Ủy ban nhân dân huyện"),
    );
  });

  it.each([
    ["Ban Dân vận Huyện ủy Tháp Mười", "Tháp Mười", "Ban Dân vận Huyện ủy"],
    ["Ủy ban MTTQ Việt Nam huyện Tháp Mười", "Tháp Mười", "Ủy ban MTTQ Việt Nam huyện"],
    ["Ủy ban nhân dân tỉnh Đồng Tháp", "Tháp Mười", "Ủy ban nhân dân tỉnh Đồng Tháp"],
    ["Tháp Mười", "Tháp Mười", "Tháp Mười"],
  ])("nameWithinUnit(%s, %s) = %s", (name, unit, expected) => {
    expect(nameWithinUnit(name, unit)).toBe(expected);
  });

  it("writes the date as the date line does", () => {
    expect(dateInWords("2024-11-03")).toBe("ngày 03 tháng 11 năm 2024");
    expect(dateInWords("2024-02-15")).toBe("ngày 15 tháng 02 năm 2024");
  });
});
