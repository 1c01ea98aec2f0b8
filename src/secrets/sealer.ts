/**
 * Sealing what the law protects (a denouncer's identity, Luật Tố cáo 2018 Art. 9) before it reaches the
 * database: AES-256-GCM from `node:crypto`, each value with its own random 12-byte nonce, bound to the record it
 * belongs to (the additional data names it, so a sealed value moved to another record does not open), under a
 * key kept outside the database. Several keys may be held: the first seals, each opens what it sealed (its id is
 * stored beside the value), so keys can be rotated (docs/deployment.md). `fingerprint` gives a keyed hash to
 * match names without storing them (repeated letters of one person).
 * @module
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const NONCE = 12;
const TAG = 16;

export interface SecretKey {
  id: string;
  key: Buffer;
}

/** A key's id: the first 16 hex digits of its SHA-256, stored beside what it sealed. */
export const keyIdOf = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 16);

export class SealError extends Error {}

export class Sealer {
  private readonly byId: Map<string, Buffer>;
  private readonly current: SecretKey;
  private readonly matchKey: Buffer;
  /** each held key's derived key for secrets (derived once: HKDF per secret cost a burst of intakes dearly) */
  private readonly tagKeys: Map<string, Buffer>;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new SealError("no secret key");
    for (const k of keys) if (k.length !== 32) throw new SealError("a secret key is 32 bytes (AES-256)");
    this.byId = new Map(keys.map((k) => [keyIdOf(k), k]));
    const first = keys[0] as Buffer;
    this.current = { id: keyIdOf(first), key: first };
    this.matchKey = Buffer.from(hkdfSync("sha256", first, Buffer.alloc(0), "danvan fingerprint", 32));
    this.tagKeys = new Map([...this.byId].map(([id, k]) => [id, tagKeyOf(k)]));
  }

  get keyId(): string {
    return this.current.id;
  }

  /** `value` as JSON, sealed for the record `boundTo` names ("letter:12"): nonce ‖ tag ‖ ciphertext. */
  seal(value: unknown, boundTo: string): { keyId: string; sealed: Buffer } {
    return this.sealBytes(Buffer.from(JSON.stringify(value), "utf8"), boundTo);
  }

  /** What `seal` sealed for `boundTo`; throws when the key is not held or the value was changed or moved. */
  open(keyId: string, sealed: Buffer, boundTo: string): unknown {
    return JSON.parse(this.openBytes(keyId, sealed, boundTo).toString("utf8"));
  }

  /** Bytes (a scan of a letter in its writer's hand) sealed for the record `boundTo` names, as `seal` does. */
  sealBytes(bytes: Buffer, boundTo: string): { keyId: string; sealed: Buffer } {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv("aes-256-gcm", this.current.key, nonce);
    cipher.setAAD(Buffer.from(boundTo, "utf8"));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return { keyId: this.current.id, sealed: Buffer.concat([nonce, cipher.getAuthTag(), body]) };
  }

  /** What `sealBytes` sealed for `boundTo`; throws when the key is not held or the bytes were changed or moved. */
  openBytes(keyId: string, sealed: Buffer, boundTo: string): Buffer {
    const key = this.byId.get(keyId);
    if (!key) throw new SealError(`the key ${keyId} is not held`);
    if (sealed.length < NONCE + TAG) throw new SealError("sealed value too short");
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(sealed.subarray(NONCE, NONCE + TAG));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(NONCE + TAG)), decipher.final()]);
    } catch {
      throw new SealError("the sealed value does not open: changed, moved, or another key");
    }
  }

  /** Whether `keyId` is the key that seals now (a value under an older one can be sealed again: `reseal`). */
  isCurrent(keyId: string): boolean {
    return keyId === this.current.id;
  }

  /** A keyed hash of `text` (hex), the same for the same text: matching without keeping the text. */
  fingerprint(text: string): string {
    return createHmac("sha256", this.matchKey).update(text, "utf8").digest("hex");
  }

  /**
   * A keyed hash of a secret to check later (a citizen's tracking secret): "keyId:hex", so it is still checked
   * after the keys rotate, as long as the old key is held.
   */
  secretTag(text: string): string {
    return `${this.current.id}:${hmacWith(this.tagKeys.get(this.current.id) as Buffer, text)}`;
  }

  /** Whether `text` is the secret `tag` was made from (compared in constant time). */
  matchesTag(tag: string, text: string): boolean {
    const [id, hex] = tag.split(":");
    const key = id ? this.tagKeys.get(id) : undefined;
    if (!key || !hex) return false;
    const want = Buffer.from(hex, "hex");
    const got = Buffer.from(hmacWith(key, text), "hex");
    return want.length === got.length && timingSafeEqual(want, got);
  }
}

/** The key secrets are hashed under, derived from a sealing key (never the sealing key itself). */
const tagKeyOf = (key: Buffer) =>
  Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "danvan secret tag", 32));

/** HMAC-SHA-256 of `text` under a derived key for secrets. */
function hmacWith(derived: Buffer, text: string): string {
  return createHmac("sha256", derived).update(text, "utf8").digest("hex");
}

/** Keys as written in DANVAN_SECRET_KEY or the key file: base64 (or 64 hex digits), comma- or line-separated. */
export function parseKeys(text: string): Buffer[] {
  return text
    .split(/[\s,]+/)
    .map((k) => k.trim())
    .filter((k) => k !== "" && !k.startsWith("#"))
    .map((k) => (/^[0-9a-f]{64}$/i.test(k) ? Buffer.from(k, "hex") : Buffer.from(k, "base64")));
}

/**
 * The keys: DANVAN_SECRET_KEY when set, else the file `secret.key` in the data folder, made on first start with
 * one new random key, readable by its owner only (mode 0600).
 */
export async function loadSealer(dataDir: string, fromEnv: string | undefined): Promise<Sealer> {
  if (fromEnv?.trim()) return new Sealer(parseKeys(fromEnv));
  const file = path.join(dataDir, "secret.key");
  if (!existsSync(file)) {
    await mkdir(dataDir, { recursive: true });
    const line = `${randomBytes(32).toString("base64")}\n`;
    // "wx": never overwrite a key another process wrote a moment before
    await writeFile(file, line, { mode: 0o600, flag: "wx" }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
  }
  await chmod(file, 0o600);
  return new Sealer(parseKeys(await readFile(file, "utf8")));
}
