/**
 * The rows of a read sheet packed to cross from a worker thread: each distinct text once, every cell an index
 * into them. A filled template repeats its unit codes and names, indicator codes, names and units on every
 * row, so 100,000 rows pack into a few thousand texts and three integer arrays: the thread never holds the
 * rows as objects, and what crosses (and what the request thread keeps) is a small part of them.
 * @module
 */
import type { SheetRow } from "./xlsx-reader.ts";

export interface PackedSheet {
  name: string;
  texts: string[];
  /** each row's number in the sheet */
  numbers: Uint32Array;
  /** where each row's cells end in `cells` (the first row's start at 0) */
  ends: Uint32Array;
  /** every cell of every row, as an index into `texts` */
  cells: Uint32Array;
}

export class SheetPacker {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly numbers: number[] = [];
  private readonly ends: number[] = [];
  private readonly cells: number[] = [];

  add(row: SheetRow): void {
    this.numbers.push(row.number);
    for (const text of row.cells) {
      let i = this.index.get(text);
      if (i === undefined) {
        i = this.texts.length;
        this.texts.push(text);
        this.index.set(text, i);
      }
      this.cells.push(i);
    }
    this.ends.push(this.cells.length);
  }

  pack(name: string): PackedSheet {
    return {
      name,
      texts: this.texts,
      numbers: Uint32Array.from(this.numbers),
      ends: Uint32Array.from(this.ends),
      cells: Uint32Array.from(this.cells),
    };
  }
}

/** The rows of a packed sheet, in order, each made when it is reached. */
export class SheetRows implements Iterable<SheetRow> {
  constructor(private readonly packed: PackedSheet) {}

  get length(): number {
    return this.packed.numbers.length;
  }

  row(i: number): SheetRow {
    const { texts, numbers, ends, cells } = this.packed;
    const from = i === 0 ? 0 : (ends[i - 1] as number);
    const out = new Array<string>((ends[i] as number) - from);
    for (let c = from; c < (ends[i] as number); c++) out[c - from] = texts[cells[c] as number] as string;
    return { number: numbers[i] as number, cells: out };
  }

  *[Symbol.iterator](): Iterator<SheetRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }

  /** The first row that `test` accepts. */
  find(test: (row: SheetRow) => boolean): SheetRow | undefined {
    for (const r of this) if (test(r)) return r;
    return undefined;
  }
}
