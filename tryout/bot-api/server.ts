// The core of a Bot API server on 127.0.0.1 that speaks HTTP the way Telegram
// does: the test suite's fake (test/support/fake-telegram.ts) and the try-out's
// stand-in (tryout/telegram/stand-in.ts) are both built on it, so the bot under
// test and the bot people try out meet the same Telegram.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { UploadedFile } from "./multipart.js";
import { keyboardOf, readParams, requireText } from "./params.js";
import { apiError, type BotApiOptions, type BotMessage, type CallbackAnswer, type EarlyAnswer, type Json } from "./types.js";

export type { BotApiOptions, BotMessage, CallbackAnswer, EarlyAnswer, InlineButton, Json } from "./types.js";
export { apiError } from "./types.js";

export class BotApiServer {
  readonly token: string;
  /** Update ids returned by getUpdates, in order, repeats included. */
  readonly polledUpdateIds: number[] = [];
  readonly messages: BotMessage[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Files the bot uploaded, by the name it gave them, with their bytes (the latest of a name). */
  readonly uploads = new Map<string, Buffer>();
  protected server: Server | undefined;
  protected port = 0;
  protected updates: Json[] = [];
  protected pollers: (() => void)[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private nextCallbackId = 1;
  private callbackOwners = new Map<string, number>();

  constructor(protected readonly options: BotApiOptions) {
    this.token = options.token;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.wakePollers();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Queues an update for getUpdates. An update that carries its own update_id keeps it (to send one twice). */
  pushUpdate(update: Json): number {
    const full = this.numbered(update);
    this.updates.push(full);
    this.wakePollers();
    return full.update_id;
  }

  protected numbered(update: Json): Json & { update_id: number } {
    const update_id = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId++;
    this.nextUpdateId = Math.max(this.nextUpdateId, update_id + 1);
    return { ...update, update_id };
  }

  protected wakePollers(): void {
    for (const wake of this.pollers.splice(0)) wake();
  }

  newMessageId(): number {
    return this.nextMessageId++;
  }

  newCallbackId(userId: number): string {
    const id = `cb${this.nextCallbackId++}`;
    this.callbackOwners.set(id, userId);
    return id;
  }

  messagesTo(chatId: number): BotMessage[] {
    return this.messages.filter((m) => m.chat_id === chatId && !m.deleted);
  }

  /** Forgets every message, pending update and answer; ids go on increasing, so none is reused. */
  clear(): void {
    this.messages.length = 0;
    this.callbackAnswers.length = 0;
    this.polledUpdateIds.length = 0;
    this.uploads.clear();
    this.updates = [];
    this.callbackOwners.clear();
  }

  /** What the try-out saves between runs: messages, answers and the id counters. */
  exportState(): Json {
    return {
      messages: this.messages,
      callbackAnswers: this.callbackAnswers,
      callbackOwners: [...this.callbackOwners],
      next: { update: this.nextUpdateId, message: this.nextMessageId, callback: this.nextCallbackId },
    };
  }

  importState(s: Json): void {
    this.clear();
    this.messages.push(...(s.messages as BotMessage[]));
    this.callbackAnswers.push(...(s.callbackAnswers as CallbackAnswer[]));
    this.callbackOwners = new Map(s.callbackOwners as [string, number][]);
    this.nextUpdateId = Number(s.next.update);
    this.nextMessageId = Number(s.next.message);
    this.nextCallbackId = Number(s.next.callback);
  }

  /** Seconds since 1970 for the `date` of what the bot sends; the try-out uses the bot's own clock. */
  protected nowSeconds(): number {
    return Math.floor(Date.now() / 1000);
  }

  /** Called whenever a message of this chat is sent, edited or deleted, or a button press of it answered. */
  protected touched(_chatId: number): void {}

  /** A method called with another token than this server's. */
  protected refusedToken(_method: string): void {}

  /** A chance to answer before the method runs (the test fake's faults and hooks). */
  protected async before(_method: string, _params: Json, _req: IncomingMessage): Promise<EarlyAnswer> {
    return undefined;
  }

  /** GET /file/bot<token>/<path>: none here; the stand-in keeps files. */
  protected serveFile(_path: string, res: ServerResponse): void {
    this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = req.url?.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (file) return file[1] === this.token ? this.serveFile(decodeURIComponent(file[2]!), res) : this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const match = req.url?.match(/^\/bot([^/]+)\/(\w+)/);
    if (!match) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== this.token) {
      this.refusedToken(method);
      return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    let request: { params: Json; files: UploadedFile[] };
    try {
      request = await readParams(req);
    } catch {
      return this.reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse request" });
    }
    for (const f of request.files) this.uploads.set(f.filename, f.bytes);
    const early = await this.before(method, request.params, req);
    if (early === "drop") return void req.socket.destroy();
    if (early) return this.reply(res, early.status, early.body);
    try {
      const result = await this.answer(method, request.params, req, request.files);
      if (result === undefined) return; // the connection went away during a long poll
      this.reply(res, 200, { ok: true, result });
    } catch (e) {
      const err = e as { code?: number; message: string };
      this.reply(res, err.code ?? 400, { ok: false, error_code: err.code ?? 400, description: err.message });
    }
  }

  protected reply(res: ServerResponse, status: number, body: Json): void {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  protected async answer(method: string, p: Json, req: IncomingMessage, files: UploadedFile[]): Promise<unknown> {
    switch (method) {
      case "getMe":
        return { is_bot: true, ...this.options.bot };
      case "getUpdates":
        return this.getUpdates(p, req);
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      case "setWebhook":
      case "deleteWebhook":
      case "setMyCommands":
      case "sendChatAction":
        return true;
      case "sendMessage":
        return this.record(method, p, { text: requireText(p.text) });
      case "sendDocument":
      case "sendPhoto": {
        const kind = method === "sendPhoto" ? "photo" : "document";
        return this.record(method, p, { text: String(p.caption ?? ""), [kind]: this.fileOf(kind, p[kind], files) });
      }
      case "editMessageText":
        return this.edit(p, (m) => {
          m.text = requireText(p.text);
          m.buttons = keyboardOf(p.reply_markup);
        });
      case "editMessageReplyMarkup":
        return this.edit(p, (m) => {
          m.buttons = keyboardOf(p.reply_markup);
        });
      case "deleteMessage": {
        const m = this.find(p);
        m.deleted = true;
        this.touched(m.chat_id);
        return true;
      }
      case "answerCallbackQuery": {
        const user_id = this.callbackOwners.get(String(p.callback_query_id));
        if (user_id === undefined) throw apiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        this.callbackAnswers.push({ id: String(p.callback_query_id), text: p.text, user_id, ...(p.show_alert ? { show_alert: true } : {}) });
        this.touched(user_id);
        return true;
      }
      default:
        throw apiError(404, `Not Found: method ${method} not supported by the fake`);
    }
  }

  /**
   * What a sent photo or document is recorded as: the file_id it was sent by,
   * or "upload:<file name>" for bytes uploaded in the request.
   */
  protected fileOf(_kind: "photo" | "document", value: unknown, _files: UploadedFile[]): string {
    return String(value);
  }

  private async getUpdates(p: Json, req: IncomingMessage): Promise<unknown> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (this.updates.length === 0 && Number(p.timeout ?? 0) > 0) {
      const closed = await new Promise<boolean>((resolve) => {
        const done = (gone: boolean) => {
          clearTimeout(timer);
          req.socket.off("close", onClose);
          resolve(gone);
        };
        const onClose = () => done(true);
        const timer = setTimeout(() => done(false), Math.min(Number(p.timeout), this.options.maxPollSeconds) * 1000);
        this.pollers.push(() => done(false));
        req.socket.once("close", onClose);
      });
      if (closed) return undefined;
    }
    const batch = this.updates.slice(0, Number(p.limit ?? 100));
    this.polledUpdateIds.push(...batch.map((u) => Number(u.update_id)));
    return batch;
  }

  protected record(method: string, p: Json, fields: Partial<BotMessage>): Json {
    const chat_id = Number(p.chat_id);
    if (!Number.isSafeInteger(chat_id)) throw apiError(400, "Bad Request: chat not found");
    const message: BotMessage = {
      message_id: this.newMessageId(),
      chat_id,
      text: "",
      buttons: keyboardOf(p.reply_markup),
      method,
      editedTimes: 0,
      ...fields,
    };
    this.messages.push(message);
    this.touched(chat_id);
    return {
      message_id: message.message_id,
      date: this.nowSeconds(),
      chat: { id: chat_id, type: chat_id > 0 ? "private" : "group" },
      text: message.text,
    };
  }

  protected find(p: Json): BotMessage {
    const m = this.messages.find((x) => x.chat_id === Number(p.chat_id) && x.message_id === Number(p.message_id));
    if (!m || m.deleted) throw apiError(400, "Bad Request: message to edit not found");
    return m;
  }

  private edit(p: Json, change: (m: BotMessage) => void): Json {
    const m = this.find(p);
    const before = JSON.stringify([m.text, m.buttons]);
    change(m);
    if (JSON.stringify([m.text, m.buttons]) === before) throw apiError(400, "Bad Request: message is not modified");
    m.editedTimes++;
    this.touched(m.chat_id);
    return { message_id: m.message_id, date: this.nowSeconds(), chat: { id: m.chat_id, type: m.chat_id > 0 ? "private" : "group" }, text: m.text };
  }
}
