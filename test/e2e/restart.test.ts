// A form in progress survives a restart of the bot.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, ADMIN_ID } from "../support/harness.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { BotProcess } from "../support/process.js";
import { createDb } from "../../src/db/client.js";
import { formatPeriod, periodOf } from "../../src/domain/period.js";
import { periodKey } from "../../src/domain/schedule.js";
import { freshSecretary } from "../support/scenario.js";
import { newTestDatabase, type TestDatabase } from "../support/database.js";

describe("in the same process", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h?.stop());

  test("after a restart the secretary's next answer continues where it was", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    await s.say("15");
    await s.say("4");
    await h.restart();
    let r = await s.say("3");
    expect(r.last.text).toBe("Số đảng viên mới được kết nạp trong tháng?");
    for (const a of ["0", "0", "0", "0", "0"]) await s.say(a);
    r = await s.press("Bỏ qua");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 15");
    expect(r.last.text).toContain("2. Học lớp bồi dưỡng nhận thức về Đảng: 4");
    expect(r.last.text).toContain("3. Hồ sơ đề nghị kết nạp đang xét: 3");
    await h.restart();
    r = await s.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 10/2026");
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
    expect(await h.app.db.report.count({ where: { unitId: unit.id } })).toBe(1);
    // The finished form's saved state is gone.
    expect(await h.app.db.conversationState.count({ where: { key: String(s.id) } })).toBe(0);
  });
});

describe("as a real process, started the way npm start does", () => {
  let fake: FakeTelegram;
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    dir = mkdtempSync(join(tmpdir(), "chibo-proc-"));
    database = await newTestDatabase();
  });
  afterAll(async () => {
    await fake?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({ BOT_TOKEN: fake.token, ADMIN_IDS: String(ADMIN_ID), TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: database.url });

  function say(from: number, text: string) {
    const command = text.match(/^\/\w+/);
    return fake.pushUpdate({
      message: {
        message_id: fake.newMessageId(),
        date: 0,
        from: { id: from, is_bot: false, first_name: from === ADMIN_ID ? "Admin" : "Lan" },
        chat: { id: from, type: "private" },
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    });
  }

  test("killed with SIGKILL in the middle of a form, restarted, the form continues; SIGTERM stops it cleanly", async () => {
    let bot = new BotProcess(env(), dir);
    await bot.started();
    for (const text of ["/themdonvi DU - Đảng ủy", "/themchibo CB DU Chi bộ Một", "/moi CB"]) await bot.waitHandled(say(ADMIN_ID, text));
    const code = fake.messagesTo(ADMIN_ID).at(-1)!.text.match(/start=([\w-]+)/)![1]!;
    const S = 7100;
    for (const text of [`/start ${code}`, "/baocao", "09/2026", "21"]) await bot.waitHandled(say(S, text));
    expect(fake.messagesTo(S).at(-1)!.text).toBe("Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?");

    bot.kill("SIGKILL");
    await bot.exited;
    bot = new BotProcess(env(), dir);
    await bot.started();
    await bot.waitHandled(say(S, "2"));
    expect(fake.messagesTo(S).at(-1)!.text).toBe("Số hồ sơ đề nghị kết nạp đang xét?");
    for (const text of ["1", "0", "0", "0", "0", "0", "Không có"]) await bot.waitHandled(say(S, text));
    expect(fake.messagesTo(S).at(-1)!.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 21");
    expect(fake.messagesTo(S).at(-1)!.text).toContain("8. Khó khăn, đề xuất: Không có");

    bot.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.stdout.some((l) => l.includes('"bot stopped"'))).toBe(true);
    // Logs name ids and outcomes, never what people typed or the token.
    const logs = bot.stdout.join("\n");
    expect(logs).not.toContain("Không có");
    expect(logs).not.toContain(fake.token);
    const updateLines = bot.stdout.map((l) => JSON.parse(l)).filter((e) => e.msg === "update");
    expect(updateLines.length).toBeGreaterThanOrEqual(8);
    for (const e of updateLines) {
      expect(e).toMatchObject({ outcome: "ok", chat_id: S, user_id: S, kind: "message" });
      expect(typeof e.ms).toBe("number");
    }
  });

  test("killed with SIGKILL in the middle of a reminder run, restarted: every secretary gets exactly one reminder", async () => {
    const runDir = mkdtempSync(join(tmpdir(), "chibo-run-"));
    const runDatabase = await newTestDatabase();
    const settings = { ...env(), DATABASE_URL: runDatabase.url };
    let bot = new BotProcess(settings, runDir);
    await bot.started();
    await bot.waitHandled(say(ADMIN_ID, "/themdonvi DU - Đảng ủy"));
    const secretaries = Array.from({ length: 8 }, (_, i) => 7200 + i);
    for (const id of secretaries) {
      await bot.waitHandled(say(ADMIN_ID, `/themchibo CB${id} DU Chi bộ ${id}`));
      await bot.waitHandled(say(ADMIN_ID, `/moi CB${id}`));
      const code = fake.messagesTo(ADMIN_ID).at(-1)!.text.match(/start=([\w-]+)/)![1]!;
      await bot.waitHandled(say(id, `/start ${code}`));
    }
    bot.kill("SIGTERM");
    await bot.exited;

    // A reminder round, planned as the scheduler plans it, waiting to be sent. The process runs
    // on the real clock: the round is for this month's report, whose deadline is still ahead
    // (a reminder whose deadline has passed is not sent at all).
    const db = createDb(settings.DATABASE_URL);
    const period = periodOf(new Date(), "Asia/Ho_Chi_Minh");
    const occasion = `reminder:${periodKey(period)}:d3`;
    await db.jobRun.create({ data: { occasion, kind: "reminder", payload: JSON.stringify({ period }), dueAt: new Date(), plannedAt: new Date() } });
    for (const id of secretaries) {
      const unit = await db.unit.findUniqueOrThrow({ where: { code: `CB${id}` } });
      await db.delivery.create({
        data: { occasion, chatId: BigInt(id), payload: JSON.stringify({ unitIds: [unit.id] }), status: "PENDING", attempts: 0, sentParts: 0, updatedAt: new Date() },
      });
    }
    await db.$disconnect();

    const reminded = () => secretaries.filter((id) => fake.messagesTo(id).some((m) => m.text.startsWith("🔔")));
    // Killed the moment the fourth reminder reaches Telegram, before Telegram
    // answers: that one is delivered, and the bot never learns it was.
    let requests = 0;
    fake.sendDelayMs = 300;
    fake.onSendMessage = () => {
      if (++requests === 4) bot.kill("SIGKILL");
    };
    bot = new BotProcess(settings, runDir);
    await bot.exited;
    fake.onSendMessage = undefined;
    await bot.waitFor(() => reminded().length === 4, "the reminder in flight");
    expect(reminded()).toHaveLength(4);

    fake.sendDelayMs = 0;
    bot = new BotProcess(settings, runDir);
    await bot.waitFor(() => reminded().length === secretaries.length, "every reminder");
    // Let anything still queued arrive before counting.
    await new Promise((r) => setTimeout(r, 1000));
    for (const id of secretaries) {
      expect(fake.messagesTo(id).filter((m) => m.text.startsWith(`🔔 Nhắc hạn: báo cáo phát triển đảng viên tháng ${formatPeriod(period)}`))).toHaveLength(1);
    }
    bot.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    await runDatabase.drop();
    rmSync(runDir, { recursive: true, force: true });
    // Three starts, and the last waits out the sender lease the killed one held (src/outbox/sender-lease.ts).
  }, 90_000);

  test.each([
    [{ BOT_TOKEN: "" }, "Không khởi động được: thiếu biến môi trường BOT_TOKEN. Xem mục \"Cấu hình\" trong README."],
    [{ ADMIN_IDS: "12,abc" }, "Không khởi động được: biến môi trường ADMIN_IDS không hợp lệ. Ghi các mã số Telegram của quản trị viên, cách nhau bằng dấu phẩy, ví dụ 11111111,22222222."],
    [{ BOT_TOKEN: "not-a-token" }, "Không khởi động được: biến môi trường BOT_TOKEN không hợp lệ. Mã bot có dạng 123456789:ABC..., lấy từ @BotFather."],
    [{ DATABASE_URL: "file:{dir}/a-file/bot.db" }, "Không khởi động được: không mở được cơ sở dữ liệu SQLite: {dir}/a-file là một tệp, không phải thư mục. Kiểm tra DATABASE_URL."],
    // Nothing listens on port 1: a PostgreSQL server that is down.
    [{ DATABASE_URL: "postgresql://bot@127.0.0.1:1/chibo" }, "Không khởi động được: không mở được cơ sở dữ liệu PostgreSQL: không kết nối được máy chủ 127.0.0.1:1. Kiểm tra DATABASE_URL."],
  ])("a bad setting (%o) stops start-up with one clear line and a non-zero exit", async (override, line) => {
    // A database "directory" that is really a file: the database cannot be opened.
    writeFileSync(join(dir, "a-file"), "");
    const settings = Object.fromEntries(Object.entries(override).map(([k, v]) => [k, v.replace("{dir}", dir)]));
    const bot = new BotProcess({ ...env(), ...settings }, dir);
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr.trim().split("\n");
    expect(lines).toEqual([line.replace("{dir}", dir)]);
  });
});
