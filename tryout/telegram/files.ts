// Files that crossed the stand-in, by file_id, with their bytes: what the bot
// uploads (the digest chart, the .xlsx) and what people send from the page (a
// photo or PDF of signed minutes). Telegram hands out a file_id once and
// accepts it again later; so does this.
import { randomBytes } from "node:crypto";

export type FileKind = "photo" | "document";

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  kind: FileKind;
  name: string;
  mime: string;
  bytes: Buffer;
}

/** Telegram's size limit for a file a bot downloads with getFile (20 MB). */
export const GET_FILE_LIMIT = 20 * 1024 * 1024;

export class FileStore {
  private files = new Map<string, StoredFile>();
  private counter = 0;

  add(kind: FileKind, name: string, mime: string, bytes: Buffer): StoredFile {
    this.counter++;
    // Shaped like Telegram's (a kind prefix, then opaque characters); only this store reads them.
    const prefix = kind === "photo" ? "AgAC" : "BQAC";
    const file: StoredFile = {
      file_id: `${prefix}${this.counter}_${randomBytes(12).toString("base64url")}`,
      file_unique_id: `AQAD${this.counter}${randomBytes(4).toString("hex")}`,
      kind,
      name,
      mime,
      bytes,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  /** A second file_id for the same bytes: Telegram gives each size of a photo its own. */
  alias(file: StoredFile): StoredFile {
    return this.add(file.kind, file.name, file.mime, file.bytes);
  }

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** The path getFile names for a file, and by which /file/bot<token>/<path> serves it. */
  pathOf(file: StoredFile): string {
    return `${file.kind === "photo" ? "photos" : "documents"}/${file.file_id}`;
  }

  byPath(path: string): StoredFile | undefined {
    const id = path.split("/").at(-1);
    return id === undefined ? undefined : this.files.get(id);
  }

  clear(): void {
    this.files.clear();
  }

  /** For the try-out's saved state: bytes as base64. */
  toJSON(): unknown {
    return { counter: this.counter, files: [...this.files.values()].map((f) => ({ ...f, bytes: f.bytes.toString("base64") })) };
  }

  load(saved: unknown): void {
    const s = saved as { counter: number; files: (Omit<StoredFile, "bytes"> & { bytes: string })[] };
    this.counter = s.counter;
    this.files = new Map(s.files.map((f) => [f.file_id, { ...f, bytes: Buffer.from(f.bytes, "base64") }]));
  }
}

/** Width and height of a PNG or JPEG, read from its header; undefined for anything else. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  // JPEG: walk the segments to a start-of-frame marker (C0–CF, but not C4, C8, CC).
  let i = 2;
  while (i + 9 < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return undefined;
}
