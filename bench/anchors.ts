// Anchors for the update benchmark (issue 13): the same 14-step /baocao the load generator
// plays (bench/updates.ts STEPS), written (a) with grammY and @grammyjs/conversations, state in
// memory, and (b) with bare grammY and a Map, each behind a webhook in a process of its own,
// against the same fake Bot API. They make the calls the bot makes for a step (a press:
// answerCallbackQuery, editMessageText of the answered question, sendMessage of the next; a
// typed answer: editMessageText of the question, sendMessage of the next), and nothing else:
// no database, no de-duplication, no rights.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Bot, InlineKeyboard, webhookCallback, type Context } from "grammy";
import nodeFetch from "node-fetch";
import { retryingFetch } from "../src/bot/retrying-fetch.js";
import type { InstanceSample } from "./instance.js";
import { SECRET, serveSamples, usageSampler } from "./support.js";

export type AnchorKind = "conversations" | "bare";

// The real form's wording (locales/vi.ftl report-ask-*), so that both write messages of its size.
const QUESTIONS = [
  "Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?",
  "Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?",
  "Số hồ sơ đề nghị kết nạp đang xét?",
  "Số đảng viên mới được kết nạp trong tháng?",
  "Trong 3 đảng viên mới, bao nhiêu là giáo viên, giảng viên? (còn 3 chưa phân loại)",
  "Bao nhiêu là học sinh? (còn 2 chưa phân loại)",
  "Bao nhiêu là sinh viên? (còn 1 chưa phân loại; số còn lại sẽ tính là đối tượng khác)",
  "Số đảng viên dự bị được công nhận đảng viên chính thức trong tháng?",
  "Số đảng viên giảm trong tháng (xóa tên, khai trừ, xin ra khỏi Đảng, từ trần)?",
  "Số đảng viên chuyển sinh hoạt đến trong tháng?",
];
const PERIOD = new InlineKeyboard().text("Tháng 10/2026", "p:2026-10");
const SKIP = new InlineKeyboard().text("Bỏ qua", "skip");
const SEND = new InlineKeyboard().text("✅ Gửi báo cáo", "send");
const summary = (values: number[]) => `Báo cáo tháng 10/2026\n${values.map((v, i) => `${i + 1}. ${QUESTIONS[i]}: ${v}`).join("\n")}`;
const asNumber = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : undefined);

/** A press: the toast answered, the question shown with its answer and no buttons. */
async function settle(ctx: Context, answer: string) {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(`${ctx.callbackQuery?.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : ""}\n→ ${answer}`);
}

export type C = ConversationFlavor<Context>;

export function conversationsBot(bot: Bot<C>) {
  async function report(conversation: Conversation<C, Context>, ctx: Context) {
    await ctx.reply("Báo cáo tháng nào?", { reply_markup: PERIOD });
    const period = await conversation.waitForCallbackQuery(/^p:/, { otherwise: (o) => o.reply("Xin bấm nút.") });
    await settle(period, "Tháng 10/2026");
    const values: number[] = [];
    for (const q of QUESTIONS) {
      const asked = await ctx.reply(q);
      for (;;) {
        const m = await conversation.waitFor("message:text");
        const v = asNumber(m.message.text);
        if (v !== undefined) {
          await m.api.editMessageText(m.chat.id, asked.message_id, `${q}\n→ ${v}`);
          values.push(v);
          break;
        }
        await m.reply(`Chưa đọc được số. ${q}`);
      }
    }
    await ctx.reply("Khó khăn, vướng mắc, đề xuất (nếu có)?", { reply_markup: SKIP });
    await settle(await conversation.waitForCallbackQuery("skip"), "Bỏ qua");
    await ctx.reply(summary(values), { reply_markup: SEND });
    await settle(await conversation.waitForCallbackQuery("send"), "Gửi");
    await ctx.reply("✅ Đã nhận báo cáo tháng 10/2026.");
  }
  bot.use(conversations());
  bot.use(createConversation(report, "report"));
  bot.command("baocao", (ctx) => ctx.conversation.enter("report"));
}

export function bareBot(bot: Bot<C>) {
  // Step 0: the month; 1..10: the numbers; 11: the note; 12: the summary.
  const forms = new Map<number, { step: number; values: number[]; asked?: number }>();
  bot.command("baocao", async (ctx) => {
    forms.set(ctx.chat.id, { step: 0, values: [] });
    await ctx.reply("Báo cáo tháng nào?", { reply_markup: PERIOD });
  });
  bot.on("callback_query:data", async (ctx) => {
    const f = forms.get(ctx.chat!.id);
    const data = ctx.callbackQuery.data;
    if (f?.step === 0 && data.startsWith("p:")) {
      await settle(ctx, "Tháng 10/2026");
      f.step = 1;
      f.asked = (await ctx.reply(QUESTIONS[0]!)).message_id;
    } else if (f?.step === 11 && data === "skip") {
      await settle(ctx, "Bỏ qua");
      f.step = 12;
      await ctx.reply(summary(f.values), { reply_markup: SEND });
    } else if (f?.step === 12 && data === "send") {
      await settle(ctx, "Gửi");
      forms.delete(ctx.chat!.id);
      await ctx.reply("✅ Đã nhận báo cáo tháng 10/2026.");
    } else await ctx.answerCallbackQuery();
  });
  bot.on("message:text", async (ctx) => {
    const f = forms.get(ctx.chat.id);
    if (!f || f.step < 1 || f.step > 10) return;
    const v = asNumber(ctx.message.text);
    if (v === undefined) return void (await ctx.reply(`Chưa đọc được số. ${QUESTIONS[f.step - 1]}`));
    await ctx.api.editMessageText(ctx.chat.id, f.asked!, `${QUESTIONS[f.step - 1]}\n→ ${v}`);
    f.values.push(v);
    f.step++;
    if (f.step <= 10) f.asked = (await ctx.reply(QUESTIONS[f.step - 1]!)).message_id;
    else await ctx.reply("Khó khăn, vướng mắc, đề xuất (nếu có)?", { reply_markup: SKIP });
  });
}

/** One anchor behind a webhook (run through bench/child.ts); talks to the parent as bench/instance.ts does. */
export async function anchorInstance(kind: AnchorKind, apiRoot: string, token: string): Promise<InstanceSample> {
  // The bot's own transport (node-fetch, retried at fetch), so that only what is above it differs.
  const bot = new Bot<C>(token, { client: { apiRoot, fetch: retryingFetch(nodeFetch as unknown as typeof fetch, { baseDelayMs: 50 }) as never }, botInfo: { id: 123456789, is_bot: true, first_name: "Anchor", username: "AnchorBot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never });
  if (kind === "conversations") conversationsBot(bot);
  else bareBot(bot);
  const handle = webhookCallback(bot, "http", { secretToken: SECRET });
  // An update that fails is answered 500 and counted by the load generator, never a crash.
  const server = createServer((req, res) =>
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const usage = usageSampler();
  await serveSamples((server.address() as AddressInfo).port, usage.sample);
  usage.stop();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  return usage.sample();
}
