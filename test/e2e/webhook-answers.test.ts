// With a webhook, the answer to a button press goes back as the reply to Telegram's
// request, and so does a typed answer's edit of the question it answers: neither costs
// a Bot API request of its own (issue 13, point 5); the person sees what they see with
// long polling: the same messages, edits and toasts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ApiCall, BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";

const NOW = "2026-11-03T09:00:00+07:00";

interface Run {
  /** Every Bot API call about the secretary's chat or presses, in order. */
  calls: ApiCall[];
  /** What the chat shows at the end: each message's text and buttons, after its edits. */
  chat: Pick<BotMessage, "text" | "buttons">[];
  toasts: string[];
}

/** A whole /baocao, with one press on a button already answered (a stale copy, as a slow phone shows it). */
async function reportRun(h: Harness, s: TestUser): Promise<Run> {
  const from = h.fake.calls.length;
  const toasts: string[] = [];
  await s.say("/baocao");
  const periodQuestion = structuredClone(s.lastWithButtons());
  await s.press("Tháng 10/2026");
  toasts.push(...(await s.press("Tháng 10/2026", periodQuestion)).toasts);
  for (const a of TYPICAL_ANSWERS) {
    const r = typeof a === "string" ? await s.say(a) : await s.press(a.press);
    toasts.push(...r.toasts);
  }
  const r = await s.press("✅ Gửi báo cáo");
  toasts.push(...r.toasts);
  expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 10/2026");
  const mine = (c: ApiCall) => c.method === "answerCallbackQuery" || Number(c.params.chat_id) === s.id;
  const calls = h.fake.calls.slice(from).filter(mine);
  return { calls, chat: h.fake.messagesTo(s.id).map((m) => ({ text: m.text, buttons: m.buttons })), toasts };
}

let polling: Run;
let webhook: Run;
const harnesses: Harness[] = [];
beforeAll(async () => {
  for (const useWebhook of [false, true]) {
    const h = await Harness.start({ now: NOW, webhook: useWebhook });
    harnesses.push(h);
    const s = await branchWithSecretary(h, 6901, "Lan", "CB-WH");
    const run = await reportRun(h, s);
    if (useWebhook) webhook = run;
    else polling = run;
  }
});
afterAll(async () => {
  for (const h of harnesses) await h.stop();
});

const separate = (r: Run) => r.calls.filter((c) => !c.webhookReply);
const presses = (r: Run) => r.calls.filter((c) => c.method === "answerCallbackQuery");

describe("answering button presses", () => {
  test("over a webhook, no press is answered by a request of its own: each answer is the reply to the press's webhook request", () => {
    // Four presses: the month, the stale copy, Bỏ qua, Gửi báo cáo.
    expect(presses(polling).map((c) => c.webhookReply ?? false)).toEqual([false, false, false, false]);
    expect(presses(webhook).map((c) => c.webhookReply ?? false)).toEqual([true, true, true, true]);
    expect(separate(webhook).filter((c) => c.method === "answerCallbackQuery")).toHaveLength(0);
  });

  test("each typed answer's edit of its question is the reply to its webhook request", () => {
    const typed = TYPICAL_ANSWERS.filter((a) => typeof a === "string").length;
    const edits = (r: Run) => r.calls.filter((c) => c.method === "editMessageText" && c.params.reply_markup === undefined);
    expect(edits(polling).filter((c) => c.webhookReply)).toHaveLength(0);
    expect(edits(webhook).filter((c) => c.webhookReply)).toHaveLength(typed);
  });

  test("fewer Bot API requests for the same /baocao: one less for each press and each typed answer", () => {
    const typed = TYPICAL_ANSWERS.filter((a) => typeof a === "string").length;
    expect(separate(webhook).length).toBe(separate(polling).length - 4 - typed);
    console.log(`Bot API requests for one /baocao with a stale press: polling ${separate(polling).length}, webhook ${separate(webhook).length} (+${webhook.calls.length - separate(webhook).length} webhook replies)`);
  });

  test("the person sees the same: the same messages and edits, the same toast for the stale button, the same calls in the same order", () => {
    expect(webhook.chat).toEqual(polling.chat);
    expect(webhook.toasts).toEqual(polling.toasts);
    expect(webhook.toasts.length).toBe(1);
    const shape = (r: Run) => r.calls.map((c) => [c.method, c.params.text ?? null, c.params.show_alert ?? null]);
    // Only when an answer goes differs: at the end of its update rather than first.
    const sorted = (xs: ReturnType<typeof shape>) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(shape(webhook))).toEqual(sorted(shape(polling)));
  });
});
