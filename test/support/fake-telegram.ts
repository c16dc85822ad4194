// The test suite's Telegram: the Bot API server of tryout/bot-api/server.ts
// (which holds the updates test users "send" and records what the bot answers),
// plus what tests need to play Telegram badly or watch it closely: faults,
// webhooks posted to one or several instances, and hooks into each request.
import type { IncomingMessage } from "node:http";
import { apiError, BotApiServer, type EarlyAnswer, type Json } from "../../tryout/bot-api/server.js";
import type { UploadedFile } from "../../tryout/bot-api/multipart.js";

export type { BotMessage, InlineButton } from "../../tryout/bot-api/server.js";

export const TEST_TOKEN = "123456789:TEST-token-for-the-fake-bot-api_0123";
export const BOT_USERNAME = "TroLyChiBoTestBot";

export interface ApiCall {
  method: string;
  params: Json;
  at: number;
  /** Made as the reply to a webhook request (grammY's webhook reply), not as a request of its own. */
  webhookReply?: true;
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

export class FakeTelegram extends BotApiServer {
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
  /** Webhook requests of pushUpdate still waiting for their answer. */
  private posting = new Map<number, Promise<void>>();
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /**
   * The command menu of each scope as the bot left it (setMyCommands, deleteMyCommands), keyed
   * by scopeKey: what a person sees beside the text box is the most specific one that matches.
   */
  readonly menus = new Map<string, { command: string; description: string }[]>();
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

  constructor() {
    super({ token: TEST_TOKEN, bot: { id: 123456789, first_name: "Trợ lý Chi bộ", username: BOT_USERNAME }, maxPollSeconds: 10 });
  }

  /**
   * Telegram unreachable: the port stops listening, so the bot's calls get
   * "connection refused" (open connections are closed) until acceptConnections().
   * Webhook posts to the bot still go out.
   */
  async refuseConnections(): Promise<void> {
    this.wakePollers();
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
  override pushUpdate(update: Json): number {
    if (!this.webhook) return super.pushUpdate(update);
    const full = this.numbered(update);
    const posted = this.postWebhook(full, this.webhook.secret_token).then((r) => void this.webhookDeliveries.push({ update_id: full.update_id, status: r.status }));
    this.posting.set(full.update_id, posted);
    void posted.finally(() => this.posting.delete(full.update_id));
    return full.update_id;
  }

  /** Resolves once the webhook request of this update (if one is under way) has its answer, and a method in it was carried out. */
  async webhookAnswered(updateId: number): Promise<void> {
    await this.posting.get(updateId);
  }

  /** The update with the next update_id, as pushUpdate numbers it: for a test that posts it to an instance of its choice. */
  numberUpdate(update: Json): Json & { update_id: number } {
    return this.numbered(update);
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
      const body = await res.text();
      if (res.status === 200 && body) await this.webhookReply(JSON.parse(body) as Json);
      return { status: res.status, body };
    } catch {
      return { status: 0, body: "" };
    }
  }

  /** A method in the answer to a webhook request: Telegram carries it out as if called, and tells the bot nothing of how it went. */
  private async webhookReply(reply: Json): Promise<void> {
    if (typeof reply.method !== "string") return;
    const { method, ...params } = reply;
    this.calls.push({ method, params, at: Date.now(), webhookReply: true });
    await this.answer(method, params, undefined as never, []).catch(() => undefined);
  }

  /**
   * The command names a person sees in their private chat with the bot: their chat's own
   * menu, else that of every private chat, else the default (Telegram's order).
   */
  privateMenuOf(userId: number): string[] {
    const menu = this.menus.get(scopeKey({ type: "chat", chat_id: userId })) ?? this.menus.get(scopeKey({ type: "all_private_chats" })) ?? this.menus.get(scopeKey(undefined));
    return (menu ?? []).map((c) => c.command);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  protected override refusedToken(method: string): void {
    this.refused.push(method);
  }

  protected override async before(method: string, params: Json): Promise<EarlyAnswer> {
    this.calls.push({ method, params, at: Date.now() });
    await this.onRequest?.(method, params);
    // A menu's chat is in its scope.
    const chatId = Number(params.chat_id ?? (params.scope as Json | undefined)?.chat_id);
    const faultIndex = this.faults.findIndex((f) => f.method === method && (f.chatId === undefined || f.chatId === chatId));
    if (faultIndex < 0) return undefined;
    const [fault] = this.faults.splice(faultIndex, 1);
    return fault!.drop ? "drop" : { status: fault!.status, body: fault!.body };
  }

  protected override async answer(method: string, p: Json, req: IncomingMessage, files: UploadedFile[]): Promise<unknown> {
    switch (method) {
      case "setWebhook":
        this.webhook = p;
        return true;
      case "deleteWebhook":
        this.webhook = undefined;
        return true;
      case "getWebhookInfo":
        return { url: this.webhook ? String(this.webhook.url) : "", has_custom_certificate: false, pending_update_count: 0 };
      case "setMyCommands": {
        const commands = p.commands as { command: string; description: string }[];
        if (!Array.isArray(commands) || commands.some((c) => !/^[a-z0-9_]{1,32}$/.test(c.command) || !c.description || c.description.length > 256)) {
          throw apiError(400, "Bad Request: BOT_COMMAND_INVALID");
        }
        if (commands.length > 100) throw apiError(400, "Bad Request: too many commands");
        this.menus.set(scopeKey(p.scope), commands.map((c) => ({ command: c.command, description: c.description })));
        return true;
      }
      case "deleteMyCommands":
        this.menus.delete(scopeKey(p.scope));
        return true;
      case "getUpdates":
        if (this.webhook) throw apiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        break;
      case "sendMessage":
        this.onSendMessage?.(p);
        if (this.sendDelayMs) await new Promise((r) => setTimeout(r, this.sendDelayMs));
        break;
    }
    return super.answer(method, p, req, files);
  }
}

/** "default", "all_private_chats", "chat:5001", ...: a scope as the menus map keys it (none is the default). */
export function scopeKey(scope: unknown): string {
  const s = (typeof scope === "string" ? JSON.parse(scope) : scope) as { type?: string; chat_id?: number | string; user_id?: number } | undefined;
  if (!s?.type || s.type === "default") return "default";
  return [s.type, s.chat_id, s.user_id].filter((x) => x !== undefined).join(":");
}
