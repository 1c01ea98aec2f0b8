/**
 * An attachment checked beyond its first bytes, on a worker thread: its content is detected (file-type) and
 * must be the kind its name says; a PDF must end as a PDF does (a `startxref` offset inside the file pointing
 * at a cross-reference section, then `%%EOF`: ISO 32000-1 §7.5.5, §7.5.8); an image must decode (pngjs,
 * jpeg-js), within a number of pixels so that a small file cannot ask for gigabytes; an Office file's parts
 * must all inflate, within the same unpacked-bytes limit as an imported workbook (ECMA-376 Part 2; PKWARE
 * APPNOTE §4.3). A Word 97–2003 or Excel 97–2003 file is recognised by its compound-file header (MS-CFB §2.2);
 * it is not compressed, so what it holds is no larger than the upload.
 * @module
 */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { fileTypeFromBuffer } from "file-type";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import type { AttachmentKind } from "../domain/document-registry.ts";
import { XlsxInvalid, XlsxUnsupported, zipEntries } from "../files/xlsx-reader.ts";
import { type ImportLimits, LimitExceeded } from "./limits.ts";

/** The file is not what its name says, or is broken; the reason is said in English to the log and the user. */
export class NotThatKind extends Error {}

/** What file-type calls each kind. */
const DETECTED: Record<AttachmentKind, string> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  doc: "cfb",
  xls: "cfb",
  png: "png",
  jpg: "jpg",
};

/** Checks an attachment's content; throws {@link NotThatKind} or {@link LimitExceeded}. */
export async function checkAttachmentContent(
  kind: AttachmentKind,
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // an Office file's parts are inflated within the limit first: detecting its kind reads inside the ZIP
  if (kind === "docx" || kind === "xlsx") await checkZipParts(buf, limits.inflatedBytes);
  const detected = await fileTypeFromBuffer(buf);
  if (detected?.ext !== DETECTED[kind]) {
    throw new NotThatKind(
      detected ? `the content is a .${detected.ext} file` : "the content is not recognised",
    );
  }
  if (kind === "pdf") checkPdfEnd(buf);
  else if (kind === "png") checkPng(buf, limits.imagePixels);
  else if (kind === "jpg") checkJpeg(buf, limits.imagePixels);
}

/** The last 1,024 bytes hold `startxref`, an offset inside the file, and `%%EOF`; the offset starts a section. */
function checkPdfEnd(buf: Buffer): void {
  const tail = buf.toString("latin1", Math.max(0, buf.length - 1024));
  // what some scanners pad the end with (blanks, NUL bytes) is allowed after %%EOF
  const end = /startxref\s+(\d{1,12})\s+%%EOF[\s\0]*$/.exec(tail);
  if (!end) throw new NotThatKind("the PDF has no end of file (it may be cut short)");
  const offset = Number(end[1]);
  if (offset >= buf.length) throw new NotThatKind("the PDF's cross-reference offset is outside the file");
  // a cross-reference table, or a cross-reference stream's object (PDF 1.5)
  const at = buf.toString("latin1", offset, Math.min(buf.length, offset + 32));
  if (!/^\s*(xref|\d+\s+\d+\s+obj)/.test(at)) {
    throw new NotThatKind("the PDF's cross-reference section is not where its end says");
  }
}

function checkPixels(width: number, height: number, max: number): void {
  if (width < 1 || height < 1) throw new NotThatKind("the image has no pixels");
  if (width * height > max) throw new LimitExceeded({ limit: "imagePixels", max });
}

function checkPng(buf: Buffer, maxPixels: number): void {
  // IHDR is the first chunk (PNG §11.2.2): width and height before anything is decoded
  if (buf.length < 33 || buf.toString("latin1", 12, 16) !== "IHDR")
    throw new NotThatKind("the PNG has no header");
  checkPixels(buf.readUInt32BE(16), buf.readUInt32BE(20), maxPixels);
  try {
    PNG.sync.read(buf, { checkCRC: true });
  } catch (err) {
    throw new NotThatKind(`the PNG does not decode: ${(err as Error).message}`);
  }
}

function checkJpeg(buf: Buffer, maxPixels: number): void {
  let image: { width: number; height: number };
  try {
    image = jpeg.decode(buf, {
      formatAsRGBA: false,
      maxResolutionInMP: maxPixels / 1_000_000,
      maxMemoryUsageInMB: Math.ceil((maxPixels * 8) / (1024 * 1024)),
    });
  } catch (err) {
    const message = (err as Error).message;
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) {
      throw new LimitExceeded({ limit: "imagePixels", max: maxPixels });
    }
    throw new NotThatKind(`the JPEG does not decode: ${message}`);
  }
  checkPixels(image.width, image.height, maxPixels);
}

/** Every part of the ZIP inflates, all of them to at most `maxBytes`, counted as they stream. */
async function checkZipParts(buf: Buffer, maxBytes: number): Promise<void> {
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(buf);
  } catch (err) {
    if (err instanceof XlsxInvalid || err instanceof XlsxUnsupported) {
      throw new NotThatKind(`the Office file's container cannot be read: ${err.message}`);
    }
    throw err;
  }
  let left = maxBytes;
  for (const [name, e] of entries) {
    const raw = buf.subarray(e.start, e.start + e.size);
    if (e.method === 0) left -= raw.length;
    else if (e.method === 8) left -= await inflatedLength(raw, left, name);
    else throw new NotThatKind(`the part ${name} uses ZIP compression method ${e.method}`);
    if (left < 0) throw new LimitExceeded({ limit: "inflatedBytes", max: maxBytes });
  }
}

/** How many bytes `raw` inflates to, stopping once past `max` (the bytes are counted, never kept). */
async function inflatedLength(raw: Buffer, max: number, name: string): Promise<number> {
  const inflate = createInflateRaw();
  Readable.from([raw]).pipe(inflate);
  let length = 0;
  try {
    for await (const chunk of inflate) {
      length += (chunk as Buffer).length;
      if (length > max) {
        inflate.destroy();
        break;
      }
    }
  } catch (err) {
    throw new NotThatKind(`the part ${name} does not inflate: ${(err as Error).message}`);
  }
  return length;
}
