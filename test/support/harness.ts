// Starts the real bot (same start-up as main.ts) against the fake Bot API and
// a fresh SQLite file, and plays Telegram users talking to it.
import { loadConfig, loadServerConfig, type Config, type ServerConfig } from "../../src/config.js";
import { startApp, type App } from "../../src/app.js";
import type { UpdateOutcome } from "../../src/bot/middleware/update-boundary.js";
import type { RetryOptions } from "../../src/bot/retrying-fetch.js";
import { createLogger, type Logger } from "../../src/log.js";
import { FakeTelegram, type BotMessage } from "./fake-telegram.js";
import { newTestDatabase, type TestDatabase } from "./database.js";

export const ADMIN_ID = 900001;

export class TestClock {
  constructor(private current: number) {}
  now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso).getTime();
  }
  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
}

export interface Replies {
  /** Messages the bot sent to this chat while handling the update, oldest first. */
  messages: BotMessage[];
  texts: string[];
  last: BotMessage;
  /** Texts of answerCallbackQuery toasts. */
  toasts: string[];
}

/** The URL the harness registers in webhook mode (the fake posts to 127.0.0.1 instead, same path). */
export const TEST_WEBHOOK_URL = "https://bot.example.test/telegram/webhook";

export interface HarnessOptions {
  now?: string;
  admins?: number[];
  /** Receive updates through the webhook (WEBHOOK_URL, PORT=0) instead of long polling. */
  webhook?: boolean | { secret?: string };
  /** PORT: with long polling, serves /healthz on it (0: any free port). */
  port?: number;
  /** A database of the test's own (a second instance on the same database, a database behind a proxy). */
  database?: TestDatabase;
  /**
   * Retries of the bot's replies: a test of an outage longer than the retries shortens the
   * back-off (1 s, 2 s, 4 s... in production) instead of waiting it out.
   */
  telegramRetry?: RetryOptions;
  /** The bot's logger (test/support/captured-log.ts reads what it writes); silent by default. Second instances share it. */
  log?: Logger;
  /**
   * Called when the bot has finished an update, inside its handling (the update
   * boundary's last step): a test throws from it to make handling fail there.
   */
  afterUpdate?: (updateId: number, outcome: UpdateOutcome) => void;
  /** How long an update holds its chat's form against another instance (src/store/update-claims.ts); second instances share it. */
  formHoldMs?: number;
  /** How long the sender lease lasts unrenewed (src/outbox/sender-lease.ts); second instances share it. */
  senderLeaseMs?: number;
}

/** What became of each update, shared by the instances of one bot (see Harness.second). */
class UpdateLog {
  /** The last outcome of each update id. */
  readonly handled = new Map<number, UpdateOutcome>();
  /** Every outcome, in order: an update delivered twice appears twice. */
  readonly outcomes: { id: number; outcome: UpdateOutcome; instance: number }[] = [];
  readonly waiters = new Map<number, () => void>();
}

export class Harness {
  app!: App;
  private log = new UpdateLog();
  /** 1 for the first instance, 2 for a second one on the same database (Harness.second). */
  private instance = 1;
  get handled() {
    return this.log.handled;
  }
  get outcomes() {
    return this.log.outcomes;
  }
  private database!: TestDatabase;
  private borrowedDatabase = false;
  private logger: Logger | undefined;
  private afterUpdate: HarnessOptions["afterUpdate"];
  private formHoldMs: number | undefined;
  private senderLeaseMs: number | undefined;
  /** A SQLite file, or a PostgreSQL schema when the suite runs on PostgreSQL (test/support/database.ts). */
  get dbUrl(): string {
    return this.database.url;
  }
  readonly server: ServerConfig = {};
  private telegramRetry: RetryOptions | undefined;

  private constructor(
    readonly fake: FakeTelegram,
    readonly clock: TestClock,
    readonly config: Config,
  ) {}

  static async start(opts: HarnessOptions = {}): Promise<Harness> {
    const fake = await new FakeTelegram().start();
    const clock = new TestClock(new Date(opts.now ?? "2026-11-03T09:00:00+07:00").getTime());
    const h = new Harness(fake, clock, undefined as unknown as Config);
    h.database = opts.database ?? (await newTestDatabase());
    h.borrowedDatabase = opts.database !== undefined;
    h.telegramRetry = opts.telegramRetry;
    h.logger = opts.log;
    h.afterUpdate = opts.afterUpdate;
    h.formHoldMs = opts.formHoldMs;
    h.senderLeaseMs = opts.senderLeaseMs;
    (h as { config: Config }).config = loadConfig({
      BOT_TOKEN: fake.token,
      ADMIN_IDS: (opts.admins ?? [ADMIN_ID]).join(","),
      DATABASE_URL: h.dbUrl,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    });
    const secret = typeof opts.webhook === "object" ? opts.webhook.secret : undefined;
    (h as { server: ServerConfig }).server = loadServerConfig({
      ...(opts.webhook ? { WEBHOOK_URL: TEST_WEBHOOK_URL, PORT: String(opts.port ?? 0) } : {}),
      ...(secret ? { WEBHOOK_SECRET: secret } : {}),
      ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
    });
    await h.boot();
    return h;
  }

  private async boot(): Promise<void> {
    this.app = await startApp(this.config, {
      clock: this.clock.now,
      cron: false,
      deliveryLeaseMs: 0,
      server: this.server,
      ...(this.telegramRetry ? { telegramRetry: this.telegramRetry } : {}),
      ...(this.formHoldMs !== undefined ? { formHoldMs: this.formHoldMs } : {}),
      ...(this.senderLeaseMs !== undefined ? { senderLeaseMs: this.senderLeaseMs } : {}),
      log: this.logger ?? createLogger(this.config.LOG_LEVEL),
      onUpdateDone: (id, outcome) => {
        this.log.handled.set(id, outcome);
        this.log.outcomes.push({ id, outcome, instance: this.instance });
        this.log.waiters.get(id)?.();
        this.afterUpdate?.(id, outcome);
      },
    });
    if (this.app.http) {
      this.fake.webhookTarget = `http://127.0.0.1:${this.app.http.port}`;
      if (this.instance > 1 || this.fake.webhookTargets.length > 0) this.fake.webhookTargets.push(this.fake.webhookTarget);
    }
  }

  /**
   * A second instance of the same bot: the same Bot API, the same database and
   * settings, its own clock. With webhooks, updates then go to the two in turn,
   * as through a load balancer.
   */
  async second(): Promise<Harness> {
    const h = new Harness(this.fake, new TestClock(this.clock.now().getTime()), this.config);
    h.log = this.log;
    h.instance = this.instance + 1;
    h.database = this.database;
    h.borrowedDatabase = true;
    h.telegramRetry = this.telegramRetry;
    h.formHoldMs = this.formHoldMs;
    h.senderLeaseMs = this.senderLeaseMs;
    h.logger = this.logger;
    (h as { server: ServerConfig }).server = this.server;
    if (this.app.http && this.fake.webhookTargets.length === 0) this.fake.webhookTargets.push(`http://127.0.0.1:${this.app.http.port}`);
    await h.boot();
    // This instance sees the new one now rather than at its next look (within a second).
    await this.app.presence.look();
    return h;
  }

  /** Which instance handled the update (its last delivery). */
  instanceOf(updateId: number): number | undefined {
    return this.log.outcomes.filter((o) => o.id === updateId).at(-1)?.instance;
  }

  /** Outcomes of one update id, in order. */
  outcomesOf(updateId: number): UpdateOutcome[] {
    return this.outcomes.filter((o) => o.id === updateId).map((o) => o.outcome);
  }

  /** Waits until the bot has finished with this update id `times` times (a duplicate counts). */
  async waitOutcomes(updateId: number, times: number, timeoutMs = 10_000): Promise<UpdateOutcome[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.outcomesOf(updateId).length < times) {
      if (Date.now() > deadline) throw new Error(`update ${updateId} finished ${this.outcomesOf(updateId).length} of ${times} times within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.outcomesOf(updateId);
  }

  /** Stops the bot as a deploy would and starts it again on the same database. */
  async restart(): Promise<void> {
    await this.app.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app.stop();
    // A second instance leaves the Bot API and the database to the first.
    if (this.instance > 1) return;
    await this.fake.stop();
    // A database handed in belongs to the test, which may share it with another instance.
    if (!this.borrowedDatabase) await this.database.drop();
  }

  user(id: number, firstName: string, lastName?: string): TestUser {
    return new TestUser(this, id, firstName, lastName);
  }

  admin(): TestUser {
    return this.user(ADMIN_ID, "Quản trị");
  }

  group(chatId: number, title: string): TestGroup {
    return new TestGroup(this, chatId, title);
  }

  /** Moves the clock and runs the scheduler once, as its minute tick would. */
  async at(iso: string) {
    this.clock.set(iso);
    return this.app.scheduler.tick();
  }

  waitHandled(updateId: number, timeoutMs = 10_000): Promise<void> {
    if (this.handled.has(updateId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`update ${updateId} not handled within ${timeoutMs} ms`)), timeoutMs);
      this.log.waiters.set(updateId, () => {
        clearTimeout(timer);
        this.log.waiters.delete(updateId);
        resolve();
      });
    });
  }
}

export class TestUser {
  constructor(
    private h: Harness,
    readonly id: number,
    readonly firstName: string,
    readonly lastName?: string,
  ) {}

  private get from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, ...(this.lastName ? { last_name: this.lastName } : {}), language_code: "vi" };
  }

  private get chat() {
    return { id: this.id, type: "private", first_name: this.firstName };
  }

  private message(extra: Record<string, unknown>) {
    return { message: { message_id: this.h.fake.newMessageId(), date: Math.floor(Date.now() / 1000), from: this.from, chat: this.chat, ...extra } };
  }

  /** Sends without waiting for the bot; returns the update id. */
  send(text: string): number {
    const command = text.match(/^\/\w+/);
    return this.h.fake.pushUpdate(
      this.message({ text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) }),
    );
  }

  say(text: string): Promise<Replies> {
    return this.exchange(() => this.send(text));
  }

  sendSticker(): Promise<Replies> {
    return this.exchange(() =>
      this.h.fake.pushUpdate(this.message({ sticker: { file_id: "sticker1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } })),
    );
  }

  sendPhoto(size = 50_000, id = "photo1"): Promise<Replies> {
    return this.exchange(() =>
      this.h.fake.pushUpdate(
        this.message({
          photo: [
            { file_id: `${id}-small`, file_unique_id: `${id}s`, width: 90, height: 60, file_size: 2_000 },
            { file_id: id, file_unique_id: `${id}u`, width: 1280, height: 960, file_size: size },
          ],
        }),
      ),
    );
  }

  sendDocument(fileName: string, mimeType: string, size: number, id = fileName): Promise<Replies> {
    return this.exchange(() =>
      this.h.fake.pushUpdate(
        this.message({ document: { file_id: id, file_unique_id: `${id}u`, file_name: fileName, mime_type: mimeType, file_size: size } }),
      ),
    );
  }

  /** The latest message from the bot to this user that has buttons. */
  lastWithButtons(): BotMessage {
    const m = this.h.fake.messagesTo(this.id).filter((x) => x.buttons.length > 0).at(-1);
    if (!m) throw new Error(`no message with buttons was sent to ${this.firstName}`);
    return m;
  }

  pressOn(message: BotMessage, label: string | RegExp): number {
    const button = message.buttons.flat().find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button?.callback_data) {
      throw new Error(`no button ${label} on: ${message.text}\nbuttons: ${message.buttons.flat().map((b) => b.text).join(" | ")}`);
    }
    return this.h.fake.pushUpdate({
      callback_query: {
        id: this.h.fake.newCallbackId(this.id),
        from: this.from,
        chat_instance: `ci${this.id}`,
        data: button.callback_data,
        message: { message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: this.chat, from: { id: 123456789, is_bot: true, first_name: "bot" }, text: message.text },
      },
    });
  }

  /** Presses a button of the latest message that has buttons (or of `on`). */
  press(label: string | RegExp, on?: BotMessage): Promise<Replies> {
    return this.exchange(() => this.pressOn(on ?? this.lastWithButtons(), label));
  }

  async exchange(send: () => number): Promise<Replies> {
    const before = this.h.fake.messagesTo(this.id).length;
    const toastsBefore = this.h.fake.callbackAnswers.length;
    const id = send();
    await this.h.waitHandled(id);
    // With a webhook, a press is answered in the request's reply, as the update ends.
    await this.h.fake.webhookAnswered(id);
    return this.collect(before, toastsBefore);
  }

  collect(before: number, toastsBefore = this.h.fake.callbackAnswers.length): Replies {
    const messages = this.h.fake.messagesTo(this.id).slice(before);
    const toasts = this.h.fake.callbackAnswers
      .slice(toastsBefore)
      .filter((a) => a.user_id === this.id && a.text)
      .map((a) => a.text!);
    return { messages, texts: messages.map((m) => m.text), last: messages.at(-1)!, toasts };
  }
}

/** A group chat where test users type commands. */
export class TestGroup {
  constructor(
    private h: Harness,
    readonly id: number,
    readonly title: string,
  ) {}

  async say(from: TestUser, text: string): Promise<Replies> {
    const before = this.h.fake.messagesTo(this.id).length;
    const command = text.match(/^\/\w+/);
    const id = this.h.fake.pushUpdate({
      message: {
        message_id: this.h.fake.newMessageId(),
        date: Math.floor(Date.now() / 1000),
        from: { id: from.id, is_bot: false, first_name: from.firstName },
        chat: { id: this.id, type: "supergroup", title: this.title },
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    });
    await this.h.waitHandled(id);
    const messages = this.h.fake.messagesTo(this.id).slice(before);
    return { messages, texts: messages.map((m) => m.text), last: messages.at(-1)!, toasts: [] };
  }

  messages() {
    return this.h.fake.messagesTo(this.id);
  }
}
