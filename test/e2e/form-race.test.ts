// Two instances on one database, one chat's answers handled by both at once: after a
// webhook timed out, Telegram may hand the chat's next update to the other instance
// while the first still runs (here the first is held up on its reply, as a slow Bot
// API or database would hold it). Neither answer is lost, and the person is asked
// each question once: the second instance waits for the first one's state, and a
// first instance slower than that wait finds its write refused and answers again on
// the newer state (src/store/form-state.ts, src/bot/middleware/dedup.ts).
import { describe, expect, test } from "vitest";
import { type Harness, type TestUser } from "../support/harness.js";
import { twoInstances } from "../support/two-instances.js";
import { freshSecretary } from "../support/scenario.js";

const Q2 = "Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?";
const Q3 = "Số hồ sơ đề nghị kết nạp đang xét?";
const REST = ["2", "3", "1", "2", "1", "0", "0", "1"];

/** The next reply of the bot to `chatId` waits for `release()`; `reached` settles when it is on its way. */
function holdNextReply(h: Harness, chatId: number) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let reached!: () => void;
  const arrived = new Promise<void>((r) => (reached = r));
  let armed = true;
  h.fake.onRequest = async (method, params) => {
    if (!armed || method !== "sendMessage" || Number(params.chat_id) !== chatId) return;
    armed = false;
    reached();
    await released;
  };
  return { reached: arrived, release };
}

function answer(h: Harness, s: TestUser, text: string) {
  return h.fake.numberUpdate({
    message: { message_id: h.fake.newMessageId(), date: Math.floor(Date.now() / 1000), from: { id: s.id, is_bot: false, first_name: s.firstName }, chat: { id: s.id, type: "private", first_name: s.firstName }, text },
  });
}

/** Answers one question on instance 1 (held on its reply) and the next on instance 2 meanwhile. */
async function raceTwoAnswers(a: Harness, s: TestUser, first: string, second: string, holdMs: number) {
  await s.say("/baocao");
  await s.press("Tháng 10/2026");
  const before = a.fake.messagesTo(s.id).length;
  const secret = String(a.fake.webhook!.secret_token);
  const [one, two] = a.fake.webhookTargets;
  const held = holdNextReply(a, s.id);
  const u1 = answer(a, s, first);
  const x = a.fake.postWebhook(u1, secret, one);
  await held.reached;
  const u2 = answer(a, s, second);
  const y = a.fake.postWebhook(u2, secret, two);
  // Long enough for instance 2 to have answered from the old state, were it not kept waiting.
  await new Promise((r) => setTimeout(r, holdMs));
  held.release();
  expect([(await x).status, (await y).status]).toEqual([200, 200]);
  a.fake.onRequest = undefined;
  return { texts: a.fake.messagesTo(s.id).slice(before).map((m) => m.text), outcomes: [await a.waitOutcomes(u1.update_id, 1), await a.waitOutcomes(u2.update_id, 1)] };
}

async function finish(s: TestUser) {
  let last = "";
  for (const text of REST) last = (await s.say(text)).last.text;
  return (await s.press("Bỏ qua")).last.text || last;
}

describe("one chat's answers on two instances at once", () => {
  let a: Harness;
  twoInstances((x) => (a = x));

  test("the second instance waits for the first one's answer: both answers kept in order, each question asked once", async () => {
    const { secretary } = await freshSecretary(a);
    const { texts, outcomes } = await raceTwoAnswers(a, secretary, "12", "7", 600);
    expect(outcomes).toEqual([["ok"], ["ok"]]);
    // The question answered shows its answer; the next one comes once.
    expect(texts).toEqual([`${Q2}\n➜ 7`, Q3]);
    const summary = await finish(secretary);
    expect(summary).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 12");
    expect(summary).toMatch(/2\. [^\n]*: 7\n/);
  });
});

describe("one chat's answers on two instances, the first slower than the second waits", () => {
  let a: Harness;
  // A hold shorter than the first instance takes: the second goes ahead on the old state.
  twoInstances((x) => (a = x), { formHoldMs: 150 });

  test("the first instance's late write is refused and its answer applied again on the newer form: neither answer lost", async () => {
    const { secretary } = await freshSecretary(a);
    const { texts, outcomes } = await raceTwoAnswers(a, secretary, "12", "7", 600);
    // No apology: the late answer went through again, on the form as the other instance left it.
    expect(outcomes).toEqual([["ok"], ["ok"]]);
    expect(texts.at(-1)).toBe(Q3);
    const summary = await finish(secretary);
    // Each answer in a question of its own, the later one first, as the instances took them.
    expect(summary).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 7");
    expect(summary).toMatch(/2\. [^\n]*: 12\n/);
  });
});
