// 3. M secretaries complete /baocao at the same time, each update POSTed to the webhook as Telegram would.
import { FakeTelegram, type BotMessage } from "../test/support/fake-telegram.js";
import { mb, percentile, rssPeak, SECRET, startBenchApp, tempDb, WEBHOOK_PATH } from "./support.js";

/** TYPICAL_ANSWERS of test/support/scenario.ts (not imported: that file needs vitest's runner). */
const ANSWERS: (string | { press: string })[] = ["12", "3", "2", "3", "1", "2", "1", "0", "0", "1", { press: "Bỏ qua" }];
const FIRST_SECRETARY = 700_000;

export interface UpdateFigures {
  secretaries: number;
  updates: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  non200: number;
  reportsSaved: number;
  peakRssMb: number;
  /** RSS when the run began (what earlier parts of the benchmark left behind). */
  startRssMb: number;
}

export async function updatesBench(m: number): Promise<UpdateFigures> {
  const tmp = tempDb("updates");
  const fake = await new FakeTelegram().start();
  const app = await startBenchApp({ dbUrl: tmp.url, apiRoot: fake.apiRoot, token: fake.token });
  try {
    const { db } = app;
    // M branches, each with a secretary who has already joined (what /moi + /start would leave behind).
    const root = await db.unit.create({ data: { code: "DU", name: "Đảng ủy (bench)", kind: "COMMITTEE", createdBy: 0n } });
    for (let i = 0; i < m; i++) {
      const unit = await db.unit.create({ data: { code: `CB${i}`, name: `Chi bộ ${i}`, kind: "BRANCH", parentId: root.id, createdBy: 0n } });
      const user = await db.user.create({ data: { telegramId: BigInt(FIRST_SECRETARY + i), firstName: `Bí thư ${i}` } });
      await db.membership.create({ data: { userId: user.id, unitId: unit.id, role: "SECRETARY" } });
    }

    const target = `http://127.0.0.1:${app.http!.port}${WEBHOOK_PATH}`;
    const latencies: number[] = [];
    let nextUpdateId = 1;
    let non200 = 0;
    const post = async (body: Record<string, unknown>) => {
      const started = performance.now();
      const res = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
        body: JSON.stringify({ update_id: nextUpdateId++, ...body }),
      });
      await res.text();
      latencies.push(performance.now() - started);
      if (res.status !== 200) non200++;
    };
    const person = (id: number) => ({ id, is_bot: false, first_name: `Bí thư ${id}`, language_code: "vi" });
    const chat = (id: number) => ({ id, type: "private", first_name: `Bí thư ${id}` });
    const say = (id: number, text: string) =>
      post({
        message: {
          message_id: fake.newMessageId(),
          date: Math.floor(Date.now() / 1000),
          from: person(id),
          chat: chat(id),
          text,
          ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}),
        },
      });
    const press = (id: number, label: string) => {
      const message = lastWithButtons(fake.messages, id);
      const button = message?.buttons.flat().find((b) => b.text === label);
      if (!message || !button?.callback_data) throw new Error(`secretary ${id}: no button "${label}"`);
      return post({
        callback_query: {
          id: fake.newCallbackId(id),
          from: person(id),
          chat_instance: `ci${id}`,
          data: button.callback_data,
          message: { message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: chat(id), text: message.text },
        },
      });
    };
    const fileReport = async (id: number) => {
      await say(id, "/baocao");
      await press(id, "Tháng 10/2026");
      for (const a of ANSWERS) await (typeof a === "string" ? say(id, a) : press(id, a.press));
      await press(id, "✅ Gửi báo cáo");
    };

    const startRss = process.memoryUsage.rss();
    const peak = rssPeak();
    const t0 = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: m }, (_, i) => fileReport(FIRST_SECRETARY + i)));
    const seconds = (performance.now() - t0) / 1000;
    const peakRss = peak();
    const failed = outcomes.find((o) => o.status === "rejected");
    if (failed) console.error("  a secretary did not finish:", (failed as PromiseRejectedResult).reason);

    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      secretaries: m,
      updates: latencies.length,
      seconds,
      perSecond: latencies.length / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      non200,
      reportsSaved: await db.report.count({ where: { year: 2026, month: 10 } }),
      peakRssMb: mb(peakRss),
      startRssMb: mb(startRss),
    };
  } finally {
    await app.stop();
    await fake.stop();
    tmp.cleanup();
  }
}

function lastWithButtons(messages: BotMessage[], chatId: number): BotMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.chat_id === chatId && !m.deleted && m.buttons.length > 0) return m;
  }
  return undefined;
}
