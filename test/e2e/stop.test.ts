// Graceful stop of the real process (started as `npm start` does): SIGTERM
// finishes the update in hand, then stops; a second signal, or 10 s, forces it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_ID } from "../support/harness.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { BotProcess } from "../support/process.js";
import { newTestDatabase, type TestDatabase } from "../support/database.js";

const STRANGER = 7400;

describe("stopping the process", () => {
  let fake: FakeTelegram;
  let dir: string;
  let bot: BotProcess | undefined;
  let database: TestDatabase;
  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    dir = mkdtempSync(join(tmpdir(), "chibo-stop-"));
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
    ...extra,
  });

  /** A stranger's message: the bot answers with a refusal (one sendMessage). */
  const hello = (update_id?: number) => ({
    ...(update_id ? { update_id } : {}),
    message: { message_id: fake.newMessageId(), date: 0, from: { id: STRANGER, is_bot: false, first_name: "Khách" }, chat: { id: STRANGER, type: "private" }, text: "xin chào" },
  });

  const log = (b: BotProcess) =>
    b.stdout.flatMap((l) => {
      try {
        return [JSON.parse(l) as { msg: string; update_id?: number; outcome?: string; port?: number }];
      } catch {
        return [];
      }
    });
  const indexOf = (b: BotProcess, predicate: (e: { msg: string; update_id?: number }) => boolean) => log(b).findIndex(predicate);

  /** Waits until the bot is in the middle of answering (its sendMessage has reached the fake, which holds it). */
  const answering = (b: BotProcess, calls: number) => b.waitFor(() => fake.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) === STRANGER).length > calls, "the bot to be answering");
  const sentSoFar = () => fake.callsOf("sendMessage").filter((c) => Number(c.params.chat_id) === STRANGER).length;

  test("long polling: SIGTERM while an update is in hand lets it finish, then exits 0", async () => {
    bot = new BotProcess(env(), dir);
    await bot.started();
    fake.sendDelayMs = 1_500;
    const calls = sentSoFar();
    const id = fake.pushUpdate(hello());
    await answering(bot, calls);
    bot.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    const handled = indexOf(bot, (e) => e.msg === "update" && e.update_id === id);
    expect(handled).toBeGreaterThanOrEqual(0);
    expect(log(bot)[handled]).toMatchObject({ outcome: "ok" });
    expect(indexOf(bot, (e) => e.msg === "bot stopped")).toBeGreaterThan(handled);
  });

  test("webhook: SIGTERM lets the update in hand finish, answers 503 to new ones meanwhile, and exits 0", async () => {
    bot = new BotProcess(env({ WEBHOOK_URL: "https://bot.example.test/hook", PORT: "0" }), dir);
    await bot.started();
    const port = log(bot).find((e) => e.msg === "http server listening")?.port;
    expect(port).toBeGreaterThan(0);
    expect(fake.webhook?.url).toBe("https://bot.example.test/hook");
    fake.webhookTarget = `http://127.0.0.1:${port}`;
    const secret = String(fake.webhook!.secret_token);

    fake.sendDelayMs = 1_500;
    const calls = sentSoFar();
    const first = fake.postWebhook(hello(800_001), secret);
    await answering(bot, calls);
    bot.kill("SIGTERM");
    await bot.waitFor(() => indexOf(bot!, (e) => e.msg === "stopping") >= 0, "the stop to begin");
    let answeredAt = Infinity;
    const answered = first.then((r) => ((answeredAt = Date.now()), r));
    const late = await fake.postWebhook(hello(800_002), secret);
    expect(late.status).toBe(503);
    const exited = bot.exited.then((code) => ({ code, at: Date.now() }));
    expect((await answered).status).toBe(200);
    const exit = await exited;
    expect(exit.code).toBe(0);
    // The webhook is answered only once its update has been handled: answered, then gone.
    expect(answeredAt).toBeLessThanOrEqual(exit.at);
    expect(log(bot).filter((e) => e.msg === "update")).toMatchObject([{ update_id: 800_001, outcome: "ok" }]);
    expect(indexOf(bot, (e) => e.msg === "bot stopped")).toBeGreaterThan(indexOf(bot, (e) => e.msg === "stopping"));
  });

  test("a second signal exits at once, without waiting for the update in hand", async () => {
    bot = new BotProcess(env(), dir);
    await bot.started();
    fake.sendDelayMs = 8_000;
    const calls = sentSoFar();
    const id = fake.pushUpdate(hello());
    await answering(bot, calls);
    bot.kill("SIGTERM");
    await bot.waitFor(() => indexOf(bot!, (e) => e.msg === "stopping") >= 0, "the stop to begin");
    const signalled = Date.now();
    bot.kill("SIGINT");
    expect(await bot.exited).toBe(1);
    // "At once" against the 10 s a first signal may wait; a loaded CI machine needs a few seconds to reap a process.
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(indexOf(bot, (e) => e.msg === "update" && e.update_id === id)).toBe(-1);
    expect(indexOf(bot, (e) => e.msg === "bot stopped")).toBe(-1);
  });

  test("an update that never finishes does not keep the process alive: exit 1 ten seconds after SIGTERM", { timeout: 30_000 }, async () => {
    bot = new BotProcess(env(), dir);
    await bot.started();
    fake.sendDelayMs = 25_000;
    const calls = sentSoFar();
    fake.pushUpdate(hello());
    await answering(bot, calls);
    const signalled = Date.now();
    bot.kill("SIGTERM");
    expect(await bot.exited).toBe(1);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(9_500);
    expect(took).toBeLessThan(14_000);
    expect(indexOf(bot, (e) => e.msg === "stop took too long: exiting without finishing")).toBeGreaterThanOrEqual(0);
  });
});
