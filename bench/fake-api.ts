// A Bot API on 127.0.0.1 for the update benchmark, lean enough not to be what is
// measured: test/support/fake-telegram.ts keeps every call and scans every message
// on each edit, which grows quadratic over tens of thousands of updates.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_TOKEN = "123456789:BENCH-token-for-the-fake-bot-api_01";

interface Sent {
  id: number;
  text: string;
  buttons: { text: string; callback_data?: string }[][];
  deleted: boolean;
}

type Json = Record<string, any>;

export class FakeApi {
  /** Per chat, its messages oldest first (text and buttons as last edited). */
  readonly chats = new Map<number, Sent[]>();
  calls = 0;
  /** Calls by method, for telling what each target asks of Telegram. */
  readonly byMethod = new Map<string, number>();
  private nextId = 1;
  private server: Server | undefined;
  apiRoot = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.calls++;
        const method = req.url!.slice(req.url!.lastIndexOf("/") + 1);
        this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json) : {};
        const result = this.answer(method, body);
        res.writeHead(result === undefined ? 400 : 200, { "content-type": "application/json" });
        res.end(JSON.stringify(result === undefined ? { ok: false, error_code: 400, description: "Bad Request: message to edit not found" } : { ok: true, result }));
      });
    });
    // Longer than the clients' idle sockets live: a socket closed by the server as a client reuses it is a reset.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server!.closeAllConnections();
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  /** The newest message in the chat that still shows buttons. */
  lastWithButtons(chatId: number): Sent | undefined {
    const list = this.chats.get(chatId) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (!list[i]!.deleted && list[i]!.buttons.length > 0) return list[i];
    return undefined;
  }

  private answer(method: string, p: Json): unknown {
    const chatId = Number(p.chat_id);
    switch (method) {
      case "getMe":
        return { id: 123456789, is_bot: true, first_name: "Trợ lý Chi bộ", username: "TroLyChiBoBenchBot" };
      case "sendMessage": {
        const m: Sent = { id: this.nextId++, text: String(p.text), buttons: p.reply_markup?.inline_keyboard ?? [], deleted: false };
        const list = this.chats.get(chatId) ?? [];
        list.push(m);
        this.chats.set(chatId, list);
        return { message_id: m.id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text: m.text };
      }
      case "editMessageText":
      case "editMessageReplyMarkup":
      case "deleteMessage": {
        const m = this.chats.get(chatId)?.find((x) => x.id === Number(p.message_id));
        if (!m) return undefined;
        if (method === "deleteMessage") m.deleted = true;
        else {
          if (method === "editMessageText") m.text = String(p.text);
          m.buttons = p.reply_markup?.inline_keyboard ?? [];
        }
        return method === "deleteMessage" ? true : { message_id: m.id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text: m.text };
      }
      default:
        return true; // setWebhook, setMyCommands, answerCallbackQuery, sendChatAction
    }
  }
}
