// The real bot (createBot, every middleware and feature) with its Bot API
// answered in memory at client.fetch: no process, no HTTP server, no polling.
// An update goes in with bot.handleUpdate and the calls the bot made come out,
// in milliseconds; the end-to-end suite keeps what crosses processes.
import type { Bot } from "grammy";
import { createBot } from "../../src/bot/create-bot.js";
import type { BotContext } from "../../src/bot/context.js";
import { loadConfig } from "../../src/config.js";
import { createDb, type Db } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { Role } from "../../src/domain/roles.js";
import { UnitKind } from "../../src/domain/units.js";
import { createLogger } from "../../src/log.js";
import { newTestDatabase, type TestDatabase } from "./database.js";
import { rolesChanged } from "../../src/store/access-version.js";

export const MEMORY_ADMIN = 910001;
const BOT_INFO = {
  id: 123456789,
  is_bot: true as const,
  first_name: "Trợ lý Chi bộ",
  username: "TroLyChiBoTestBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export class MemoryBot {
  readonly calls: ApiCall[] = [];
  private nextMessageId = 1;
  private nextUpdateId = 1;
  private constructor(
    readonly bot: Bot<BotContext>,
    readonly db: Db,
    private database: TestDatabase,
    private now: { at: Date },
  ) {}

  static async start(at = "2026-11-03T09:00:00+07:00"): Promise<MemoryBot> {
    const database = await newTestDatabase();
    const db = createDb(database.url);
    await migrate(db);
    const config = loadConfig({ BOT_TOKEN: "123456789:memory-bot-token-for-tests-only", ADMIN_IDS: String(MEMORY_ADMIN), DATABASE_URL: database.url, LOG_LEVEL: "silent" });
    const now = { at: new Date(at) };
    let self: MemoryBot | undefined;
    const fetch = async (url: string | URL | Request, init?: RequestInit) => {
      const method = String(url).split("/").pop()!;
      const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      return new Response(JSON.stringify({ ok: true, result: self!.answer(method, payload) }), { headers: { "content-type": "application/json" } });
    };
    const bot = createBot(
      { db, config, clock: () => now.at, log: createLogger("silent"), outbox: { kick: () => {} } },
      { botInfo: BOT_INFO, fetch: fetch as typeof globalThis.fetch },
    );
    await bot.init();
    self = new MemoryBot(bot, db, database, now);
    return self;
  }

  private answer(method: string, payload: Record<string, unknown>): unknown {
    this.calls.push({ method, payload });
    if (method === "sendMessage" || method === "sendPhoto" || method === "sendDocument" || method === "editMessageText") {
      const chat = { id: Number(payload.chat_id), type: "private", first_name: "x" };
      return { message_id: method === "editMessageText" ? Number(payload.message_id) : this.nextMessageId++, date: 0, chat, text: payload.text ?? "" };
    }
    return true;
  }

  async stop(): Promise<void> {
    await this.db.$disconnect();
    await this.database.drop();
  }

  /** Texts the bot sent to `chatId` (messages and toasts) while handling what `act` sends. */
  async texts(chatId: number, act: () => Promise<void>): Promise<string[]> {
    const from = this.calls.length;
    await act();
    return this.calls
      .slice(from)
      .filter((c) => (c.method === "sendMessage" && Number(c.payload.chat_id) === chatId) || (c.method === "answerCallbackQuery" && c.payload.text))
      .map((c) => String(c.payload.text));
  }

  /** A private message from `userId`; a leading /command carries its entity, as Telegram's apps send it. */
  say(userId: number, text: string): Promise<string[]> {
    const command = text.match(/^\/\w+/);
    const from = { id: userId, is_bot: false, first_name: "Người dùng" };
    return this.texts(userId, () =>
      this.bot.handleUpdate({
        update_id: this.nextUpdateId++,
        message: {
          message_id: this.nextMessageId++,
          date: 0,
          from,
          chat: { id: userId, type: "private", first_name: "Người dùng" },
          text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      }),
    );
  }

  /** A message from `userId` in the group `chatId`, with its command entity. */
  sayInGroup(chatId: number, userId: number, text: string): Promise<string[]> {
    const command = text.match(/^\/\w+/);
    return this.texts(chatId, () =>
      this.bot.handleUpdate({
        update_id: this.nextUpdateId++,
        message: {
          message_id: this.nextMessageId++,
          date: 0,
          from: { id: userId, is_bot: false, first_name: "Người dùng" },
          chat: { id: chatId, type: "supergroup", title: "Nhóm cấp ủy" },
          text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      }),
    );
  }

  /** A press of a button carrying `data` on message `messageId` of the chat with `userId`. */
  press(userId: number, data: string, messageId = 1): Promise<string[]> {
    const from = { id: userId, is_bot: false, first_name: "Người dùng" };
    return this.texts(userId, () =>
      this.bot.handleUpdate({
        update_id: this.nextUpdateId++,
        callback_query: {
          id: `cb${this.nextUpdateId}`,
          from,
          chat_instance: "ci",
          data,
          message: { message_id: messageId, date: 0, chat: { id: userId, type: "private", first_name: "Người dùng" }, text: "" },
        },
      }),
    );
  }

  /** The buttons of the last message the bot sent to `chatId`, as [label, data]. */
  lastButtons(chatId: number): [string, string][] {
    const sent = this.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId).at(-1);
    const markup = sent?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data ?? ""]);
  }

  /** The last message id the bot sent to `chatId`. */
  lastMessageId(): number {
    return this.nextMessageId - 1;
  }

  /** A unit of the tree, written directly: set-up for composer-level tests, not what they check. */
  async unit(code: string, kind: UnitKind, parentCode: string | null): Promise<number> {
    const parent = parentCode ? await this.db.unit.findUniqueOrThrow({ where: { code: parentCode } }) : null;
    const u = await this.db.unit.create({ data: { code, name: `Đơn vị ${code}`, kind, parentId: parent?.id ?? null, createdBy: BigInt(MEMORY_ADMIN), createdAt: this.now.at } });
    return u.id;
  }

  /** A person holding `role` in the unit `code`. */
  async member(telegramId: number, role: Role, code: string): Promise<void> {
    const unit = await this.db.unit.findUniqueOrThrow({ where: { code } });
    const user = await this.db.user.upsert({ where: { telegramId: BigInt(telegramId) }, create: { telegramId: BigInt(telegramId), firstName: `Người ${telegramId}` }, update: {} });
    await this.db.membership.create({ data: { userId: user.id, unitId: unit.id, role } });
    await rolesChanged(this.db);
  }
}

export { Role, UnitKind };
