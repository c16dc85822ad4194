// A small Bot API server on 127.0.0.1 that speaks HTTP the way Telegram does,
// holds the updates that test users "send", and records what the bot answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TEST_TOKEN = "123456789:TEST-token-for-the-fake-bot-api_0123";
export const BOT_USERNAME = "TroLyChiBoTestBot";

type Json = Record<string, any>;

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A message as the bot left it: text and buttons reflect later edits. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  text: string;
  buttons: InlineButton[][];
  method: string;
  document?: string;
  photo?: string;
  deleted?: boolean;
  editedTimes: number;
}

export interface ApiCall {
  method: string;
  params: Json;
  at: number;
}

export interface Fault {
  method: string;
  /** Only calls to this chat (any chat when absent). */
  chatId?: number;
  status: number;
  body: Json;
  /** drop the connection instead of answering */
  drop?: boolean;
}

/** One POST of an update to the bot's webhook, as Telegram makes it. */
export interface WebhookDelivery {
  update_id: number;
  /** HTTP status of the bot's answer; 0 when the connection failed. */
  status: number;
}

export class FakeTelegram {
  readonly token = TEST_TOKEN;
  readonly calls: ApiCall[] = [];
  /** Methods called with another token than this fake's (answered 401 Unauthorized, as Telegram does). */
  readonly refused: string[] = [];
  /** The parameters of the last setWebhook (url, secret_token, ...); undefined when none is set. */
  webhook: Json | undefined;
  /**
   * Where webhook updates really go (`http://127.0.0.1:<port>`): the registered
   * URL is https, served in production by a TLS proxy in front of the bot.
   * Its path is kept.
   */
  webhookTarget: string | undefined;
  /**
   * Several bot instances behind a load balancer: updates are posted to these
   * in turn (round robin). When empty, webhookTarget (or the registered URL) is used.
   */
  readonly webhookTargets: string[] = [];
  private nextTarget = 0;
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Update ids returned by getUpdates, in order, repeats included. */
  readonly polledUpdateIds: number[] = [];
  readonly messages: BotMessage[] = [];
  readonly callbackAnswers: { id: string; text?: string; user_id: number }[] = [];
  /**
   * The command menu of each scope as the bot left it (setMyCommands, deleteMyCommands), keyed
   * by scopeKey: what a person sees beside the text box is the most specific one that matches.
   */
  readonly menus = new Map<string, { command: string; description: string }[]>();
  /** Files the bot uploaded, by the name it gave them, with their bytes. */
  readonly uploads = new Map<string, Buffer>();
  private server: Server | undefined;
  private port = 0;
  private updates: Json[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private nextCallbackId = 1;
  private pollers: (() => void)[] = [];
  private callbackOwners = new Map<string, number>();
  private faults: Fault[] = [];
  /** Milliseconds each send waits before answering, to catch a run in the middle. */
  sendDelayMs = 0;
  /** Called as a sendMessage request arrives, before its delay: a test can act while it is in flight. */
  onSendMessage: ((params: Json) => void) | undefined;
  /**
   * Awaited as any request arrives, before it is answered: a test can change the
   * database while the bot waits on Telegram in the middle of handling an update.
   */
  onRequest: ((method: string, params: Json) => Promise<void> | void) | undefined;

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers.splice(0)) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * Telegram unreachable: the port stops listening, so the bot's calls get
   * "connection refused" (open connections are closed) until acceptConnections().
   * Webhook posts to the bot still go out.
   */
  async refuseConnections(): Promise<void> {
    for (const wake of this.pollers.splice(0)) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Listens again on the same port. */
  async acceptConnections(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  /** The next call of `method` fails with this answer (or a dropped connection). */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Faults not used up yet are forgotten: Telegram answers again. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /**
   * Queues an update for getUpdates, or posts it to the webhook when one is
   * set. An update that carries its own update_id keeps it (to send one twice).
   */
  pushUpdate(update: Json): number {
    const update_id = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId++;
    this.nextUpdateId = Math.max(this.nextUpdateId, update_id + 1);
    const full = { ...update, update_id };
    if (this.webhook) {
      void this.postWebhook(full, this.webhook.secret_token).then((r) => this.webhookDeliveries.push({ update_id, status: r.status }));
      return update_id;
    }
    this.updates.push(full);
    for (const wake of this.pollers.splice(0)) wake();
    return update_id;
  }

  /** POSTs an update to the registered webhook with this secret header (none when undefined). */
  async postWebhook(update: Json, secret: string | undefined, target?: string): Promise<{ status: number; body: string }> {
    if (!this.webhook) throw new Error("no webhook is set");
    const registered = new URL(String(this.webhook.url));
    const base = target ?? (this.webhookTargets.length > 0 ? this.webhookTargets[this.nextTarget++ % this.webhookTargets.length] : this.webhookTarget);
    const url = base ? new URL(registered.pathname + registered.search, base) : registered;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
        body: JSON.stringify(update),
      });
      return { status: res.status, body: await res.text() };
    } catch {
      return { status: 0, body: "" };
    }
  }

  newMessageId(): number {
    return this.nextMessageId++;
  }

  newCallbackId(userId: number): string {
    const id = `cb${this.nextCallbackId++}`;
    this.callbackOwners.set(id, userId);
    return id;
  }

  /**
   * The command names a person sees in their private chat with the bot: their chat's own
   * menu, else that of every private chat, else the default (Telegram's order).
   */
  privateMenuOf(userId: number): string[] {
    const menu = this.menus.get(scopeKey({ type: "chat", chat_id: userId })) ?? this.menus.get(scopeKey({ type: "all_private_chats" })) ?? this.menus.get(scopeKey(undefined));
    return (menu ?? []).map((c) => c.command);
  }

  messagesTo(chatId: number): BotMessage[] {
    return this.messages.filter((m) => m.chat_id === chatId && !m.deleted);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = req.url?.match(/^\/bot([^/]+)\/(\w+)/);
    if (!match) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== this.token) {
      this.refused.push(method);
      return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const params = await readParams(req, this.uploads);
    this.calls.push({ method, params, at: Date.now() });
    await this.onRequest?.(method, params);
    // A menu's chat is in its scope.
    const chatId = Number(params.chat_id ?? (params.scope as Json | undefined)?.chat_id);
    const faultIndex = this.faults.findIndex((f) => f.method === method && (f.chatId === undefined || f.chatId === chatId));
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      if (fault!.drop) return void req.socket.destroy();
      return this.reply(res, fault!.status, fault!.body);
    }
    try {
      const result = await this.answer(method, params, req);
      if (result === undefined) return; // connection went away during a long poll
      this.reply(res, 200, { ok: true, result });
    } catch (e) {
      const err = e as { code?: number; message: string };
      this.reply(res, err.code ?? 400, { ok: false, error_code: err.code ?? 400, description: err.message });
    }
  }

  private reply(res: ServerResponse, status: number, body: Json): void {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private async answer(method: string, p: Json, req: IncomingMessage): Promise<unknown> {
    switch (method) {
      case "getMe":
        return { id: 123456789, is_bot: true, first_name: "Trợ lý Chi bộ", username: BOT_USERNAME };
      case "getUpdates":
        return this.getUpdates(p, req);
      case "setWebhook":
        this.webhook = p;
        return true;
      case "deleteWebhook":
        this.webhook = undefined;
        return true;
      case "setMyCommands": {
        const commands = p.commands as { command: string; description: string }[];
        if (!Array.isArray(commands) || commands.some((c) => !/^[a-z0-9_]{1,32}$/.test(c.command) || !c.description || c.description.length > 256)) {
          throw Object.assign(new Error("Bad Request: BOT_COMMAND_INVALID"), { code: 400 });
        }
        if (commands.length > 100) throw Object.assign(new Error("Bad Request: too many commands"), { code: 400 });
        this.menus.set(scopeKey(p.scope), commands.map((c) => ({ command: c.command, description: c.description })));
        return true;
      }
      case "deleteMyCommands":
        this.menus.delete(scopeKey(p.scope));
        return true;
      case "sendChatAction":
        return true;
      case "sendMessage":
        this.onSendMessage?.(p);
        if (this.sendDelayMs) await new Promise((r) => setTimeout(r, this.sendDelayMs));
        return this.record(method, p, { text: requireText(p.text) });
      case "sendDocument":
      case "sendPhoto":
        return this.record(method, p, {
          text: String(p.caption ?? ""),
          [method === "sendPhoto" ? "photo" : "document"]: String(p[method === "sendPhoto" ? "photo" : "document"]),
        });
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
        return true;
      }
      case "answerCallbackQuery": {
        const user_id = this.callbackOwners.get(String(p.callback_query_id));
        if (user_id === undefined) throw Object.assign(new Error("Bad Request: query is too old and response timeout expired or query ID is invalid"), { code: 400 });
        this.callbackAnswers.push({ id: String(p.callback_query_id), text: p.text, user_id });
        return true;
      }
      default:
        throw Object.assign(new Error(`Not Found: method ${method} not supported by the fake`), { code: 404 });
    }
  }

  private async getUpdates(p: Json, req: IncomingMessage): Promise<unknown> {
    if (this.webhook) throw Object.assign(new Error("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"), { code: 409 });
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
        const timer = setTimeout(() => done(false), Math.min(Number(p.timeout), 10) * 1000);
        this.pollers.push(() => done(false));
        req.socket.once("close", onClose);
      });
      if (closed) return undefined;
    }
    const batch = this.updates.slice(0, Number(p.limit ?? 100));
    this.polledUpdateIds.push(...batch.map((u) => Number(u.update_id)));
    return batch;
  }

  private record(method: string, p: Json, fields: Partial<BotMessage>): Json {
    const chat_id = Number(p.chat_id);
    if (!Number.isSafeInteger(chat_id)) throw Object.assign(new Error("Bad Request: chat not found"), { code: 400 });
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
    return {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat_id, type: chat_id > 0 ? "private" : "group" },
      text: message.text,
    };
  }

  private find(p: Json): BotMessage {
    const m = this.messages.find((x) => x.chat_id === Number(p.chat_id) && x.message_id === Number(p.message_id));
    if (!m || m.deleted) throw Object.assign(new Error("Bad Request: message to edit not found"), { code: 400 });
    return m;
  }

  private edit(p: Json, change: (m: BotMessage) => void): Json {
    const m = this.find(p);
    const before = JSON.stringify([m.text, m.buttons]);
    change(m);
    if (JSON.stringify([m.text, m.buttons]) === before) {
      throw Object.assign(new Error("Bad Request: message is not modified"), { code: 400 });
    }
    m.editedTimes++;
    return { message_id: m.message_id, date: Math.floor(Date.now() / 1000), chat: { id: m.chat_id, type: "private" }, text: m.text };
  }
}

/** "default", "all_private_chats", "chat:5001", ...: a scope as the menus map keys it (none is the default). */
export function scopeKey(scope: unknown): string {
  const s = (typeof scope === "string" ? JSON.parse(scope) : scope) as { type?: string; chat_id?: number | string; user_id?: number } | undefined;
  if (!s?.type || s.type === "default") return "default";
  return [s.type, s.chat_id, s.user_id].filter((x) => x !== undefined).join(":");
}

function requireText(text: unknown): string {
  const s = String(text ?? "");
  if (s.trim() === "") throw Object.assign(new Error("Bad Request: message text is empty"), { code: 400 });
  if (s.length > 4096) throw Object.assign(new Error("Bad Request: message is too long"), { code: 400 });
  return s;
}

function keyboardOf(markup: unknown): InlineButton[][] {
  const m = typeof markup === "string" ? JSON.parse(markup) : markup;
  return (m as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard ?? [];
}

async function readParams(req: IncomingMessage, uploads: Map<string, Buffer>): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.includes("multipart/form-data")) return parseMultipart(body, type, uploads);
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

/** Enough multipart parsing for grammY's uploads: text fields as strings, files by their file name. */
function parseMultipart(body: Buffer, type: string, uploads: Map<string, Buffer>): Json {
  const boundary = type.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return {};
  const out: Json = {};
  for (const part of body.toString("latin1").split(`--${b}`)) {
    const [head, ...rest] = part.split("\r\n\r\n");
    const name = head?.match(/name="([^"]+)"/)?.[1];
    if (!name) continue;
    const value = rest.join("\r\n\r\n").replace(/\r\n$/, "");
    const filename = head!.match(/filename="?([^"\r\n;]+)"?/)?.[1];
    if (filename) uploads.set(filename, Buffer.from(value, "latin1"));
    out[name] = filename ? `upload:${filename}` : Buffer.from(value, "latin1").toString("utf8");
  }
  // grammY sends a file as a part of its own and names it in the field: "attach://<part>".
  for (const [key, v] of Object.entries(out)) {
    if (typeof v === "string" && v.startsWith("attach://")) out[key] = out[v.slice("attach://".length)];
  }
  for (const key of Object.keys(out)) {
    const v = out[key];
    if (typeof v === "string" && /^[[{]/.test(v)) {
      try {
        out[key] = JSON.parse(v);
      } catch {
        /* a plain string that starts with a bracket */
      }
    }
  }
  return out;
}
