import { describe, expect, it } from "vitest";
import { SheetPacker, SheetRows } from "./packed-sheet.ts";

describe("packed sheets", () => {
  const rows = [
    { number: 1, cells: ["Mã đơn vị", "Giá trị"] },
    { number: 5, cells: ["30037", "12"] },
    { number: 6, cells: ["30037", "12", ""] },
    { number: 9, cells: [] },
    { number: 10, cells: ["30038", "Tốt"] },
  ];

  it("gives back every row as it was read, in order, empty rows and trailing empty cells included", () => {
    const p = new SheetPacker();
    for (const r of rows) p.add(r);
    const packed = p.pack("Số liệu");
    expect(packed.name).toBe("Số liệu");
    expect([...new SheetRows(packed)]).toEqual(rows);
    expect(new SheetRows(packed).length).toBe(5);
  });

  it("keeps each distinct text once", () => {
    const p = new SheetPacker();
    for (const r of rows) p.add(r);
    expect(p.pack("S").texts).toEqual(["Mã đơn vị", "Giá trị", "30037", "12", "", "30038", "Tốt"]);
  });

  it("finds the first row a test accepts, or none", () => {
    const p = new SheetPacker();
    for (const r of rows) p.add(r);
    const read = new SheetRows(p.pack("S"));
    expect(read.find((r) => r.cells[0] === "30037")?.number).toBe(5);
    expect(read.find((r) => r.number === 99)).toBeUndefined();
  });

  it("packs an empty sheet", () => {
    expect([...new SheetRows(new SheetPacker().pack(""))]).toEqual([]);
  });
});
