import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyIdOf, loadSealer, parseKeys, SealError, Sealer } from "./sealer.ts";

describe("sealing a protected identity (AES-256-GCM)", () => {
  const key = randomBytes(32);
  const sealer = new Sealer([key]);
  const who = { name: "Phạm Thị Hạnh", address: "Ấp 3, xã Tháp Mười", idNumber: "087123456789" };

  it("opens what it sealed, for the record it was sealed for only", () => {
    const { keyId, sealed } = sealer.seal(who, "letter:12");
    expect(keyId).toBe(keyIdOf(key));
    expect(sealed.toString("utf8")).not.toContain("Hạnh");
    expect(sealer.open(keyId, sealed, "letter:12")).toEqual(who);
    expect(() => sealer.open(keyId, sealed, "letter:13")).toThrow(SealError);
  });

  it("seals the same value differently each time, and refuses a changed one", () => {
    const a = sealer.seal(who, "letter:1").sealed;
    const b = sealer.seal(who, "letter:1").sealed;
    expect(a.equals(b)).toBe(false);
    const changed = Buffer.from(a);
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1;
    expect(() => sealer.open(keyIdOf(key), changed, "letter:1")).toThrow(SealError);
  });

  it("after a rotation, seals with the new key and still opens what the old one sealed", () => {
    const old = sealer.seal(who, "letter:5");
    const rotated = new Sealer([randomBytes(32), key]);
    expect(rotated.keyId).not.toBe(old.keyId);
    expect(rotated.open(old.keyId, old.sealed, "letter:5")).toEqual(who);
    expect(() => new Sealer([randomBytes(32)]).open(old.keyId, old.sealed, "letter:5")).toThrow(/not held/);
  });

  it("seals a scan's bytes for its letter: nothing of the file shows, and it opens for that letter only", () => {
    const scan = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("Phạm Thị Hạnh", "utf8")]);
    const { keyId, sealed } = sealer.sealBytes(scan, "letter_scan:12");
    expect(sealed.includes(Buffer.from("%PDF"))).toBe(false);
    expect(sealed.includes(Buffer.from("Hạnh", "utf8"))).toBe(false);
    expect(sealer.openBytes(keyId, sealed, "letter_scan:12").equals(scan)).toBe(true);
    expect(() => sealer.openBytes(keyId, sealed, "letter_scan:13")).toThrow(SealError);
    expect(sealer.isCurrent(keyId)).toBe(true);
    expect(new Sealer([randomBytes(32), key]).isCurrent(keyId)).toBe(false);
  });

  it("fingerprints a name the same way each time, without keeping it", () => {
    expect(sealer.fingerprint("pham thi hanh")).toBe(sealer.fingerprint("pham thi hanh"));
    expect(sealer.fingerprint("pham thi hanh")).not.toBe(sealer.fingerprint("pham thi hoa"));
    expect(sealer.fingerprint("pham thi hanh")).not.toContain("hanh");
    expect(new Sealer([randomBytes(32)]).fingerprint("pham thi hanh")).not.toBe(
      sealer.fingerprint("pham thi hanh"),
    );
  });

  it("checks a tracking secret by its keyed tag, also after a rotation, never by the tag alone", () => {
    const tag = sealer.secretTag("K7M2-Q9TX:AB12CD34");
    expect(tag.startsWith(`${keyIdOf(key)}:`)).toBe(true);
    expect(sealer.matchesTag(tag, "K7M2-Q9TX:AB12CD34")).toBe(true);
    expect(sealer.matchesTag(tag, "K7M2-Q9TX:AB12CD35")).toBe(false);
    expect(new Sealer([randomBytes(32), key]).matchesTag(tag, "K7M2-Q9TX:AB12CD34")).toBe(true);
    expect(new Sealer([randomBytes(32)]).matchesTag(tag, "K7M2-Q9TX:AB12CD34")).toBe(false);
    expect(sealer.matchesTag("garbage", "x")).toBe(false);
  });

  it("reads keys in base64 or hex, and refuses a key of the wrong size", () => {
    const hex = key.toString("hex");
    expect(parseKeys(`${key.toString("base64")}, ${hex}`)).toEqual([key, key]);
    expect(() => new Sealer([randomBytes(16)])).toThrow(/32 bytes/);
    expect(() => new Sealer([])).toThrow(SealError);
  });

  it("makes the key file on first start, readable by its owner only, and keeps it", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "danvan-key-")), "data");
    const first = await loadSealer(dir, undefined);
    const file = path.join(dir, "secret.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadSealer(dir, undefined);
    expect(again.keyId).toBe(first.keyId);
    expect(readFileSync(file, "utf8").trim()).toHaveLength(44);
    // the environment's key comes first
    expect((await loadSealer(dir, key.toString("base64"))).keyId).toBe(keyIdOf(key));
  });
});
