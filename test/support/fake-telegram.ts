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
  readonly webhookDeliveries: WebhookDelivery[] = [];
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

  /**
   * Queues an update for getUpdates, or posts it to the webhook when one is
   * set. An update that carries its own update_id keeps it (to send one twice).
   */
  override pushUpdate(update: Json): number {
    if (!this.webhook) return super.pushUpdate(update);
    const full = this.numbered(update);
    void this.postWebhook(full, this.webhook.secret_token).then((r) => this.webhookDeliveries.push({ update_id: full.update_id, status: r.status }));
    return full.update_id;
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

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  protected override refusedToken(method: string): void {
    this.refused.push(method);
  }

  protected override async before(method: string, params: Json): Promise<EarlyAnswer> {
    this.calls.push({ method, params, at: Date.now() });
    await this.onRequest?.(method, params);
    const faultIndex = this.faults.findIndex((f) => f.method === method && (f.chatId === undefined || f.chatId === Number(params.chat_id)));
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
