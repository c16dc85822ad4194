// What an operator sees when starting the bot (`npm start`): one line on
// stderr for each way start-up can go, and the exit code; also the line when
// Telegram says another process polls the same token.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_ID } from "../support/harness.js";
import { BOT_USERNAME, FakeTelegram } from "../support/fake-telegram.js";
import { BotProcess } from "../support/process.js";
import { newTestDatabase, onPostgres, type TestDatabase } from "../support/database.js";

/** TELEGRAM_START_SECONDS in these tests: the default minute, shortened. */
const BUDGET_S = 2;
/** A token of the right shape that the fake Bot API does not know: it answers 401, as Telegram does. */
const WRONG_TOKEN = "123456789:WRONG-token-the-fake-refuses_0000";
const PASSWORD = "Mat-khau-bi-mat-42";
const STRANGER = 7600;

/** A port nothing listens on: taken from the system, then let go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts connections and never answers, as a Telegram behind a broken proxy. */
async function silentServer(): Promise<{ root: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    root: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const entries = (b: BotProcess) =>
  b.stdout.flatMap((l) => {
    try {
      return [JSON.parse(l) as { msg: string; level: number; update_id?: number; outcome?: string }];
    } catch {
      return [];
    }
  });
const stderrLines = (b: BotProcess) => b.stderr.trimEnd().split("\n");

describe("starting the process", () => {
  let fake: FakeTelegram;
  let dir: string;
  let database: TestDatabase;
  let bot: BotProcess | undefined;
  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    dir = mkdtempSync(join(tmpdir(), "chibo-startup-"));
    // Readable by the user a root test run starts the bot as (see the read-only folder test).
    chmodSync(dir, 0o755);
    database = await newTestDatabase();
  });
  afterEach(async () => {
    bot?.kill("SIGKILL");
    await bot?.exited;
    bot = undefined;
    fake.sendDelayMs = 0;
    fake.webhook = undefined;
  });
  afterAll(async () => {
    await fake?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    BOT_TOKEN: fake.token,
    ADMIN_IDS: String(ADMIN_ID),
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: database.url,
    TELEGRAM_START_SECONDS: String(BUDGET_S),
    ...extra,
  });

  /** Starts the bot and waits for it to exit; the line on stderr, the exit code and the time it took. */
  async function failedStart(extra: Record<string, string>, as?: { uid: number; gid: number }) {
    const started = Date.now();
    bot = new BotProcess(env(extra), dir, as);
    const code = await bot.exited;
    return { code, lines: stderrLines(bot), ms: Date.now() - started, log: entries(bot), all: bot.stderr + bot.stdout.join("\n") };
  }

  describe("Telegram cannot be reached: a bounded number of tries, then one line naming the address", () => {
    const tail = "Kiểm tra mạng của máy chạy bot và biến TELEGRAM_API_ROOT.";

    test("a port nothing listens on", async () => {
      const root = `http://127.0.0.1:${await freePort()}`;
      const r = await failedStart({ TELEGRAM_API_ROOT: root });
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([`Không khởi động được: không kết nối được Telegram tại ${root} sau ${BUDGET_S} giây (máy chủ từ chối kết nối). ${tail}`]);
      // Tried again within the budget, then gave up (not for ever).
      expect(r.log.filter((e) => e.msg === "Telegram not reachable, retrying").length).toBeGreaterThanOrEqual(1);
      expect(r.log.filter((e) => e.msg === "Telegram not reachable, giving up")).toHaveLength(1);
      expect(r.ms).toBeGreaterThanOrEqual(BUDGET_S * 1000);
      expect(r.all).not.toContain(fake.token);
    });

    test("a host name that does not resolve (DNS)", async () => {
      const r = await failedStart({ TELEGRAM_API_ROOT: "http://telegram.invalid" });
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([`Không khởi động được: không kết nối được Telegram tại http://telegram.invalid sau ${BUDGET_S} giây (không tìm thấy tên máy chủ). ${tail}`]);
      expect(r.all).not.toContain(fake.token);
    });

    test("a server that accepts the connection and never answers", async () => {
      const silent = await silentServer();
      try {
        const r = await failedStart({ TELEGRAM_API_ROOT: silent.root });
        expect(r.code).toBe(1);
        expect(r.lines).toEqual([`Không khởi động được: không kết nối được Telegram tại ${silent.root} sau ${BUDGET_S} giây (máy chủ không trả lời). ${tail}`]);
      } finally {
        await silent.close();
      }
    });

    test("the address is shown without the user and password of a proxy in it", async () => {
      const port = await freePort();
      const r = await failedStart({ TELEGRAM_API_ROOT: `http://user:${PASSWORD}@127.0.0.1:${port}` });
      expect(r.lines).toEqual([`Không khởi động được: không kết nối được Telegram tại http://127.0.0.1:${port} sau ${BUDGET_S} giây (máy chủ từ chối kết nối). ${tail}`]);
      expect(r.all).not.toContain(PASSWORD);
    });
  });

  test("a token Telegram refuses (401 on getMe): the line says so and points to @BotFather, with no retry", async () => {
    fake.refused.length = 0;
    const r = await failedStart({ BOT_TOKEN: WRONG_TOKEN });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      "Không khởi động được: Telegram từ chối mã bot (BOT_TOKEN). Mã sai hoặc đã bị thu hồi: lấy mã đúng từ @BotFather (lệnh /mybots, mục API Token).",
    ]);
    expect(fake.refused).toEqual(["getMe"]);
    expect(r.all).not.toContain(WRONG_TOKEN);
  });

  describe("the database cannot be opened: the line gives the real reason", () => {
    const tail = "Kiểm tra DATABASE_URL.";

    test("a data folder the bot may not write to", async () => {
      const folder = join(dir, "read-only");
      mkdirSync(folder);
      chmodSync(folder, 0o555);
      // Root writes anywhere: a test run by root starts the bot as "nobody".
      const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
      const r = await failedStart({ DATABASE_URL: `file:${join(folder, "bot.db")}` }, as);
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([`Không khởi động được: không mở được cơ sở dữ liệu SQLite: không ghi được vào thư mục ${folder}. ${tail}`]);
    });

    test("a folder where the SQLite file should be", async () => {
      const path = join(dir, "bot.db");
      mkdirSync(path);
      const r = await failedStart({ DATABASE_URL: `file:${path}` });
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([`Không khởi động được: không mở được cơ sở dữ liệu SQLite: ${path} là một thư mục, không phải tệp cơ sở dữ liệu. ${tail}`]);
    });

    test("PostgreSQL on a port nothing listens on: the address, never the password", async () => {
      const r = await failedStart({ DATABASE_URL: `postgresql://postgres:${PASSWORD}@127.0.0.1:1/test` });
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([`Không khởi động được: không mở được cơ sở dữ liệu PostgreSQL: không kết nối được máy chủ 127.0.0.1:1. ${tail}`]);
      expect(r.all).not.toContain(PASSWORD);
    });
  });

  /** The line of a good start on the test database: its file, or host:port/name of the PostgreSQL server. */
  const runningLine = (mode: string) => {
    const base = onPostgres ? new URL(process.env.TEST_POSTGRES_URL!) : undefined;
    const place = base ? `${base.host}${base.pathname}` : database.url.replace(/^file:/, "");
    return `Bot đang chạy: @${BOT_USERNAME}, nhận tin bằng ${mode}, cơ sở dữ liệu ${onPostgres ? "PostgreSQL" : "SQLite"} (${place}).`;
  };

  describe("a good start: one line with the bot's @username, the mode and the kind of database", () => {
    // On PostgreSQL the URL carries a password (the server trusts local connections and ignores it): it must not show.
    const url = () => {
      if (!onPostgres) return database.url;
      const u = new URL(database.url);
      u.password = PASSWORD;
      return u.toString();
    };

    test("long polling", async () => {
      bot = new BotProcess(env({ DATABASE_URL: url() }), dir);
      await bot.started();
      await bot.waitFor(() => bot!.stderr.endsWith("\n"), "the start-up line");
      expect(stderrLines(bot)).toEqual([runningLine("long polling")]);
      expect(entries(bot).find((e) => e.msg === "bot started")).toMatchObject({ bot: BOT_USERNAME, mode: "polling", database: onPostgres ? "postgresql" : "sqlite" });
      bot.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      if (onPostgres) expect(bot.stderr + bot.stdout.join("\n")).not.toContain(PASSWORD);
    });

    test("webhook", async () => {
      bot = new BotProcess(env({ DATABASE_URL: url(), WEBHOOK_URL: "https://bot.example.test/telegram", PORT: "0" }), dir);
      await bot.started();
      await bot.waitFor(() => bot!.stderr.endsWith("\n"), "the start-up line");
      expect(stderrLines(bot)).toEqual([runningLine("webhook")]);
      bot.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
    });
  });

  test("long polling while another deployment's webhook is set: one line naming its host, exit 1, the webhook left alone; DELETE_WEBHOOK=1 takes it over", async () => {
    fake.webhook = { url: "https://other.example.test/telegram/hook", secret_token: "x" };
    const deletes = fake.callsOf("deleteWebhook").length;
    bot = new BotProcess(env(), dir);
    expect(await bot.exited).toBe(1);
    expect(stderrLines(bot)).toEqual([
      "Không khởi động được bằng long polling: Telegram đang gửi tin của bot này tới webhook tại other.example.test (có thể một bản bot khác đang chạy bằng webhook). Muốn chạy cùng bản đó, đặt WEBHOOK_URL như bản đó; muốn chuyển hẳn sang long polling (bản kia sẽ không nhận tin nữa), chạy lại với DELETE_WEBHOOK=1.",
    ]);
    expect(fake.webhook).toMatchObject({ url: "https://other.example.test/telegram/hook" });
    expect(fake.callsOf("deleteWebhook")).toHaveLength(deletes);

    bot = new BotProcess(env({ DELETE_WEBHOOK: "1" }), dir);
    await bot.started();
    await bot.waitFor(() => bot!.stderr.endsWith("\n"), "the start-up line");
    expect(stderrLines(bot)).toEqual([runningLine("long polling")]);
    expect(fake.webhook).toBeUndefined();
    bot.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });

  test("409 from getUpdates (another process polls this token): the update in hand is finished, one line, exit 1, no stack", async () => {
    const polls = fake.callsOf("getUpdates").length;
    bot = new BotProcess(env(), dir);
    await bot.started();
    // The bot's long poll is waiting in the fake: the update goes out with it, the next poll meets the 409.
    await bot.waitFor(() => fake.callsOf("getUpdates").length > polls, "the first getUpdates");
    fake.failNext({
      method: "getUpdates",
      status: 409,
      body: { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" },
    });
    // The reply takes a while: the 409 arrives while the update is being handled.
    fake.sendDelayMs = 1_500;
    const updateId = fake.pushUpdate({
      message: { message_id: fake.newMessageId(), date: 0, from: { id: STRANGER, is_bot: false, first_name: "Khách" }, chat: { id: STRANGER, type: "private" }, text: "xin chào" },
    });
    expect(await bot.exited).toBe(1);
    expect(stderrLines(bot)).toEqual([
      runningLine("long polling"),
      "Bot dừng: Telegram báo một tiến trình khác đang chạy bot này (cùng mã bot, lỗi 409). Chỉ một bản bot được nhận tin bằng long polling; muốn chạy nhiều bản, dùng webhook (xem README).",
    ]);
    const log = entries(bot);
    const conflict = log.findIndex((e) => e.msg === "another process is running this bot");
    const handled = log.findIndex((e) => e.msg === "update" && e.update_id === updateId);
    const stopped = log.findIndex((e) => e.msg === "bot stopped");
    expect(conflict).toBeGreaterThanOrEqual(0);
    expect(log[conflict]!.level).toBe(50); // error
    // The update in hand was finished (its reply sent), then the database closed.
    expect(handled).toBeGreaterThan(conflict);
    expect(log[handled]!.outcome).toBe("ok");
    expect(stopped).toBeGreaterThan(handled);
    expect(fake.messagesTo(STRANGER)).toHaveLength(1);
  });
});
