// What a webhook request's reply carries (src/bot/middleware/update-end.ts): a press's
// answer, or a typed update's one edit the form marked as carriable, sent at the end of
// the update; nothing else, and never an edit out of order with a later one of the same message.
import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { canUseWebhookReply, deferringAnswers, replyMayCarry, updateEnd } from "../../src/bot/middleware/update-end.js";
import type { Logger } from "../../src/log.js";

const CHAT = 4401;
const log = { debug: () => undefined } as unknown as Logger;

function typedUpdate() {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  const replied: { method: string; payload: Record<string, unknown>; inReply: boolean }[] = [];
  const fetch = deferringAnswers(async (input, init) => {
    sent.push({ url: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    return new Response(JSON.stringify({ ok: true, result: true }));
  });
  const raw = new Proxy({}, { get: (_, method: string) => async (payload: Record<string, unknown>) => void replied.push({ method, payload, inReply: canUseWebhookReply() }) });
  const ctx = { message: { text: "12" }, chat: { id: CHAT, type: "private" }, api: { raw } } as unknown as Context;
  const edit = (message_id: number, text: string) =>
    fetch(`https://api.telegram.org/botX/editMessageText`, { method: "POST", body: JSON.stringify({ chat_id: CHAT, message_id, text }) });
  return { sent, replied, ctx, edit, send: (text: string) => fetch(`https://api.telegram.org/botX/sendMessage`, { method: "POST", body: JSON.stringify({ chat_id: CHAT, text }) }) };
}

describe("the webhook reply of a typed answer", () => {
  it("carries the form's edit of the answered question, made at the end of the update; the next question goes at once", async () => {
    const u = typedUpdate();
    await updateEnd(log, true)(u.ctx, async () => {
      await replyMayCarry(() => u.edit(10, "Q1\n➜ 12"));
      await u.send("Q2");
      expect(canUseWebhookReply()).toBe(false);
    });
    expect(u.sent.map((s) => s.body.text)).toEqual(["Q2"]);
    expect(u.replied).toEqual([{ method: "editMessageText", payload: { chat_id: CHAT, message_id: 10, text: "Q1\n➜ 12" }, inReply: true }]);
  });

  it("sends the kept edit first when the same message is edited again in the update", async () => {
    const u = typedUpdate();
    await updateEnd(log, true)(u.ctx, async () => {
      await replyMayCarry(() => u.edit(10, "first"));
      await u.edit(10, "second");
    });
    expect(u.sent.map((s) => s.body.text)).toEqual(["first", "second"]);
    expect(u.replied).toEqual([]);
  });

  it("leaves an edit not marked carriable, and every edit with long polling, to a request of its own", async () => {
    const u = typedUpdate();
    await updateEnd(log, true)(u.ctx, async () => void (await u.edit(10, "unmarked")));
    const p = typedUpdate();
    await updateEnd(log, false)(p.ctx, async () => void (await replyMayCarry(() => p.edit(10, "polling"))));
    expect([u.sent.map((s) => s.body.text), p.sent.map((s) => s.body.text)]).toEqual([["unmarked"], ["polling"]]);
    expect([...u.replied, ...p.replied]).toEqual([]);
  });
});
