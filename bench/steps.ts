// 5. Where an update's CPU goes, step by step: the same 14-step /baocao through the real bot (every
// middleware and feature, SQLite, its Bot API answered in memory: test/support/memory-bot.ts) and
// through the grammY + conversations anchor (bench/anchors.ts, state in memory), in one process, the two
// taken in turn secretary by secretary after a warm-up. No HTTP on either side, so what differs is what
// the bot does around the framework. `npm run bench -- steps`; BENCH_STEPS_SECRETARIES (default 300).
import { Bot } from "grammy";
import { retryingFetch } from "../src/bot/retrying-fetch.js";
import { MemoryBot } from "../test/support/memory-bot.js";
import { conversationsBot, type C } from "./anchors.js";
import { seedSecretaries, STEPS } from "./updates.js";

export interface StepFigures {
  label: string;
  realMs: number;
  anchorMs: number;
}

type Buttons = [string, string][];

/** The anchor with its Bot API in memory, answered as MemoryBot answers the real bot. */
async function memoryAnchor() {
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  let nextMessageId = 1;
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const method = String(url).split("/").pop()!;
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    calls.push({ method, payload });
    const chat = { id: Number(payload.chat_id), type: "private", first_name: "x" };
    const result = method === "sendMessage" || method === "editMessageText" ? { message_id: method === "editMessageText" ? Number(payload.message_id) : nextMessageId++, date: 0, chat, text: payload.text ?? "" } : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };
  const bot = new Bot<C>("123456789:anchor-token-for-bench-only", {
    client: { fetch: retryingFetch(fetch as typeof globalThis.fetch, { baseDelayMs: 50 }) as never },
    botInfo: { id: 123456789, is_bot: true, first_name: "Anchor", username: "AnchorBot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never,
  });
  conversationsBot(bot);
  await bot.init();
  let updateId = 1;
  const from = (id: number) => ({ id, is_bot: false, first_name: "Người dùng" });
  const chat = (id: number) => ({ id, type: "private" as const, first_name: "Người dùng" });
  return {
    say: (id: number, text: string) =>
      bot.handleUpdate({ update_id: updateId++, message: { message_id: nextMessageId++, date: 0, from: from(id), chat: chat(id), text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] } : {}) } }),
    press: (id: number, data: string, messageId: number) =>
      bot.handleUpdate({ update_id: updateId++, callback_query: { id: `cb${updateId}`, from: from(id), chat_instance: "ci", data, message: { message_id: messageId, date: 0, chat: chat(id), text: "" } } }),
    lastButtons: (id: number): Buttons => {
      const sent = calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === id).at(-1);
      const markup = sent?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
      return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data ?? ""]);
    },
    lastMessageId: () => nextMessageId - 1,
  };
}

interface Driver {
  say(id: number, text: string): Promise<unknown>;
  press(id: number, data: string, messageId: number): Promise<unknown>;
  lastButtons(id: number): Buttons;
  lastMessageId(): number;
}

/** One secretary through the form; adds each step's CPU (ms) to `into` when given. */
async function fileOnce(d: Driver, id: number, into?: number[]): Promise<void> {
  for (let i = 0; i < STEPS.length; i++) {
    const step = STEPS[i]!;
    const t0 = process.cpuUsage();
    if (typeof step === "string") await d.say(id, step);
    else {
      const button = d.lastButtons(id).find(([label]) => label.includes(step.press));
      if (!button) throw new Error(`step ${i}: no button "${step.press}"`);
      await d.press(id, button[1], d.lastMessageId());
    }
    const used = process.cpuUsage(t0);
    if (into) into[i]! += (used.user + used.system) / 1000;
  }
}

export async function stepsBench(secretaries = Number(process.env.BENCH_STEPS_SECRETARIES ?? 300)): Promise<StepFigures[]> {
  const warm = 50;
  const real = await MemoryBot.start("2026-11-03T09:00:00+07:00");
  const anchor = await memoryAnchor();
  try {
    await seedSecretaries(real.db, warm + secretaries, 700_000);
    const realMs = new Array<number>(STEPS.length).fill(0);
    const anchorMs = new Array<number>(STEPS.length).fill(0);
    for (let s = 0; s < warm + secretaries; s++) {
      const measured = s >= warm;
      await fileOnce(real, 700_000 + s, measured ? realMs : undefined);
      await fileOnce(anchor, 700_000 + s, measured ? anchorMs : undefined);
    }
    return STEPS.map((step, i) => ({ label: typeof step === "string" ? step : `[${step.press}]`, realMs: realMs[i]! / secretaries, anchorMs: anchorMs[i]! / secretaries }));
  } finally {
    await real.stop();
  }
}
