// The try-out's Telegram: the shared Bot API server (tryout/bot-api/server.ts)
// with what a person's phone would show besides: the files both sides send, the
// command menus the bot sets per scope, what people typed, and a revision
// number the page waits on to learn that something changed.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiError, BotApiServer, type BotMessage, type Json } from "../bot-api/server.js";
import type { UploadedFile } from "../bot-api/multipart.js";
import { FileStore, GET_FILE_LIMIT, imageSize, type FileKind, type StoredFile } from "./files.js";

/** A made-up token in Telegram's shape; only the stand-in accepts it. */
export const TRYOUT_TOKEN = "7000000001:THU-NGHIEM-tren-may-khong-can-Telegram";
export const TRYOUT_BOT = { id: 7000000001, first_name: "Trợ lý Chi bộ", username: "TroLyChiBoThuNghiemBot" };

/** Something a person sent: shown on the right of their chat. */
export interface PersonMessage {
  message_id: number;
  chat_id: number;
  from_id: number;
  date: number;
  text?: string;
  file?: string;
}

export interface MenuCommand {
  command: string;
  description: string;
}

/** Telegram's order: the most specific scope that has commands wins, then the language. */
function scopesFor(chatId: number, userId: number): Json[] {
  return chatId > 0
    ? [{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, { type: "default" }]
    : [{ type: "chat_member", chat_id: chatId, user_id: userId }, { type: "chat", chat_id: chatId }, { type: "all_group_chats" }, { type: "default" }];
}

function scopeKey(scope: Json | undefined, language: unknown): string {
  const s = scope ?? { type: "default" };
  return JSON.stringify([s.type, s.chat_id === undefined ? null : Number(s.chat_id), s.user_id === undefined ? null : Number(s.user_id), language ? String(language) : ""]);
}

export class TelegramStandIn extends BotApiServer {
  readonly files = new FileStore();
  readonly incoming: PersonMessage[] = [];
  /** Dates of what the bot sent, in the bot's own time (its clock may be set ahead). */
  readonly sentAt = new Map<number, number>();
  private menus = new Map<string, MenuCommand[]>();
  private revision = 0;
  private chatRevisions = new Map<number, number>();
  private listeners = new Set<(chatId: number) => void>();

  constructor(private clock: () => Date) {
    super({ token: TRYOUT_TOKEN, bot: TRYOUT_BOT, maxPollSeconds: 50 });
  }

  /** The bot's time, which dates what people send too. */
  clockNow(): Date {
    return this.clock();
  }

  get rev(): number {
    return this.revision;
  }

  revisionOf(chatId: number): number {
    return this.chatRevisions.get(chatId) ?? 0;
  }

  /** Called with the chat's id on every change; returns the way to stop listening. */
  listen(fn: (chatId: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves once the revision passes `since`, or after `ms`. */
  waitForChange(since: number, ms: number): Promise<void> {
    if (this.revision > since) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      const stop = this.listen(() => this.revision > since && done());
      function done() {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  }

  /** The commands a person sees in the menu of a chat. */
  menuFor(chatId: number, userId: number): MenuCommand[] {
    for (const scope of scopesFor(chatId, userId)) {
      for (const language of ["vi", ""]) {
        const found = this.menus.get(scopeKey(scope, language));
        if (found && found.length > 0) return found;
      }
    }
    return [];
  }

  addIncoming(m: PersonMessage): void {
    this.incoming.push(m);
    this.touched(m.chat_id);
  }

  /** Something outside the chats changed (the clock, the sample being rebuilt): wakes the page. */
  bump(): void {
    this.revision++;
    for (const fn of this.listeners) fn(0);
  }

  override clear(): void {
    super.clear();
    this.files.clear();
    this.incoming.length = 0;
    this.sentAt.clear();
    this.menus.clear();
    this.chatRevisions.clear();
    this.bump();
  }

  override exportState(): Json {
    return { ...super.exportState(), files: this.files.toJSON(), incoming: this.incoming, sentAt: [...this.sentAt], menus: [...this.menus] };
  }

  override importState(s: Json): void {
    this.clear();
    super.importState(s);
    this.files.load(s.files);
    this.incoming.push(...(s.incoming as PersonMessage[]));
    for (const [id, date] of s.sentAt as [number, number][]) this.sentAt.set(id, date);
    this.menus = new Map(s.menus as [string, MenuCommand[]][]);
    this.bump();
  }

  protected override nowSeconds(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  protected override touched(chatId: number): void {
    this.revision++;
    this.chatRevisions.set(chatId, this.revision);
    for (const fn of this.listeners) fn(chatId);
  }

  protected override serveFile(path: string, res: ServerResponse): void {
    const file = this.files.byPath(path);
    if (!file) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.mime, "content-length": file.bytes.length });
    res.end(file.bytes);
  }

  /** Uploaded bytes become a stored file; a file_id sent again must be one Telegram gave out. */
  protected override fileOf(kind: FileKind, value: unknown, files: UploadedFile[]): string {
    const named = String(value);
    if (named.startsWith("upload:")) {
      const upload = files.find((f) => `upload:${f.filename}` === named);
      if (!upload) throw apiError(400, "Bad Request: file must be non-empty");
      return this.files.add(kind, upload.filename, mimeOf(kind, upload), upload.bytes).file_id;
    }
    if (!this.files.get(named)) throw apiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    return named;
  }

  protected override async answer(method: string, p: Json, req: IncomingMessage, files: UploadedFile[]): Promise<unknown> {
    switch (method) {
      case "setMyCommands":
        this.menus.set(scopeKey(p.scope, p.language_code), (p.commands as MenuCommand[]).map((c) => ({ command: String(c.command), description: String(c.description) })));
        return true;
      case "deleteMyCommands":
        this.menus.delete(scopeKey(p.scope, p.language_code));
        return true;
      case "getMyCommands":
        return this.menus.get(scopeKey(p.scope, p.language_code)) ?? [];
      case "setChatMenuButton":
        return true;
      case "getFile": {
        const file = this.files.get(String(p.file_id));
        if (!file) throw apiError(400, "Bad Request: invalid file_id");
        if (file.bytes.length > GET_FILE_LIMIT) throw apiError(400, "Bad Request: file is too big");
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: this.files.pathOf(file) };
      }
    }
    const result = await super.answer(method, p, req, files);
    if (method === "sendPhoto" || method === "sendDocument") return this.withFile(result as Json);
    if (method.startsWith("send")) this.stamp(result as Json);
    return result;
  }

  /** The message Telegram returns for a photo or document carries the file, as the bot may read it back. */
  private withFile(result: Json): Json {
    this.stamp(result);
    const m = this.messages.find((x) => x.message_id === result.message_id) as BotMessage;
    const file = this.files.get(String(m.photo ?? m.document))!;
    if (file.kind === "photo") return { ...result, photo: photoSizes(this.files, file), caption: m.text };
    return { ...result, document: documentOf(file), caption: m.text };
  }

  private stamp(result: Json): void {
    this.sentAt.set(Number(result.message_id), Number(result.date));
  }
}

function mimeOf(kind: FileKind, upload: UploadedFile): string {
  // grammY labels every upload application/octet-stream: the name tells what it is.
  if (upload.contentType !== "application/octet-stream") return upload.contentType;
  const ext = upload.filename.toLowerCase().split(".").at(-1);
  const known: Record<string, string> = {
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    pdf: "application/pdf",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
  return known[ext ?? ""] ?? (kind === "photo" ? "image/jpeg" : "application/octet-stream");
}

/** Telegram's sizes of a photo, smallest first, each with a file_id of its own. */
export function photoSizes(store: FileStore, file: StoredFile): Json[] {
  const size = imageSize(file.bytes) ?? { width: 1280, height: 960 };
  const scale = Math.min(1, 320 / Math.max(size.width, size.height, 1));
  const small = store.alias(file);
  return [
    { file_id: small.file_id, file_unique_id: small.file_unique_id, width: Math.round(size.width * scale), height: Math.round(size.height * scale), file_size: Math.ceil(file.bytes.length * scale * scale) },
    { file_id: file.file_id, file_unique_id: file.file_unique_id, width: size.width, height: size.height, file_size: file.bytes.length },
  ];
}

export function documentOf(file: StoredFile): Json {
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: file.name, mime_type: file.mime, file_size: file.bytes.length };
}
