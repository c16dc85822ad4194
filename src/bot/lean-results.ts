// What Telegram answers a sent or edited message with is the whole message again (the
// bot's own user, the buttons, the entities, the text). Inside a form the conversations
// plugin stores every API result in the form's log, which each later answer reads, parses
// and replays; the forms use only the message id (src/bot/forms/session.ts). So the
// answers to these calls are cut down to the id, date and chat, at fetch, below the
// plugin, before anything stores them.
type Fetch = typeof fetch;

const LEAN = /\/(sendMessage|editMessageText|editMessageReplyMarkup)$/;

interface Answer {
  ok?: boolean;
  result?: { message_id?: number; date?: number; chat?: { id: number; type: string } } | true;
}

export function leanResults(base: Fetch): Fetch {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 200 || !LEAN.test(String(input))) return res;
    const body = (await res.json()) as Answer;
    const r = body.result;
    const result = r && typeof r === "object" && r.message_id !== undefined ? { message_id: r.message_id, date: r.date, chat: r.chat && { id: r.chat.id, type: r.chat.type } } : r;
    return new Response(JSON.stringify({ ...body, result }), { status: res.status, headers: { "content-type": "application/json" } });
  };
}
