/** fontkit ships no types: the one function danvan calls (parse a font once, hand it to pdfkit). */
declare module "fontkit" {
  export interface Font {
    layout(text: string, features?: unknown): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
