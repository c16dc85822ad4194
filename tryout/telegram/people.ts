// A person in a chat, as Telegram would carry what they do to the bot: a
// message with a command entity, a photo in several sizes, a document with its
// name, type and size, or the press of an inline button under the bot's message.
import type { BotMessage, Json } from "../bot-api/server.js";
import { documentOf, photoSizes, TRYOUT_BOT, type TelegramStandIn } from "./stand-in.js";

export interface PersonInfo {
  id: number;
  first_name: string;
  last_name?: string;
}

export interface ChatInfo {
  id: number;
  type: "private" | "supergroup";
  title?: string;
}

/** Telegram's own limit on a message's text. */
export const TEXT_LIMIT = 4096;

export class ChatError extends Error {}

export class Person {
  constructor(
    private tg: TelegramStandIn,
    readonly info: PersonInfo,
    readonly chat: ChatInfo,
  ) {}

  private get from(): Json {
    return { is_bot: false, ...this.info, language_code: "vi" };
  }

  private get chatJson(): Json {
    return this.chat.type === "private"
      ? { id: this.chat.id, type: "private", first_name: this.info.first_name, ...(this.info.last_name ? { last_name: this.info.last_name } : {}) }
      : { id: this.chat.id, type: "supergroup", title: this.chat.title };
  }

  private message(messageId: number, extra: Json): Json {
    return { message: { message_id: messageId, date: this.date(), from: this.from, chat: this.chatJson, ...extra } };
  }

  private date(): number {
    return Math.floor(this.tg.clockNow().getTime() / 1000);
  }

  /** Returns the message's id. */
  sendText(text: string): number {
    if (text.trim() === "") throw new ChatError("empty");
    if (text.length > TEXT_LIMIT) throw new ChatError("too-long");
    const id = this.tg.newMessageId();
    // Telegram marks a leading /command (with @bot in groups) as an entity; the bot's command handlers rely on it.
    const command = text.match(/^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/);
    this.tg.addIncoming({ message_id: id, chat_id: this.chat.id, from_id: this.info.id, date: this.date(), text });
    this.tg.pushUpdate(this.message(id, { text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) }));
    return id;
  }

  /** A photo or a file, as the Telegram app sends it: images as photos, anything else as a document. */
  sendFile(name: string, mime: string, bytes: Buffer, caption?: string): number {
    const id = this.tg.newMessageId();
    const asPhoto = /^image\/(png|jpeg|webp)$/.test(mime);
    const file = this.tg.files.add(asPhoto ? "photo" : "document", name, mime, bytes);
    const content = asPhoto ? { photo: photoSizes(this.tg.files, file) } : { document: documentOf(file) };
    this.tg.addIncoming({ message_id: id, chat_id: this.chat.id, from_id: this.info.id, date: this.date(), file: file.file_id, ...(caption ? { text: caption } : {}) });
    this.tg.pushUpdate(this.message(id, { ...content, ...(caption ? { caption } : {}) }));
    return id;
  }

  /**
   * Presses a button of one of the bot's messages in this chat. As in Telegram,
   * only a button the message shows now can be pressed: its callback data is
   * the one the bot gave, never one the page makes up.
   */
  press(messageId: number, callbackData: string): string {
    const m = this.tg.messagesTo(this.chat.id).find((x) => x.message_id === messageId);
    const button = m?.buttons.flat().find((b) => b.callback_data === callbackData);
    if (!m || !button) throw new ChatError("no-button");
    const queryId = this.tg.newCallbackId(this.info.id);
    this.tg.pushUpdate({
      callback_query: {
        id: queryId,
        from: this.from,
        chat_instance: `ci${this.chat.id}`,
        data: callbackData,
        message: { message_id: m.message_id, date: this.tg.sentAt.get(m.message_id) ?? this.date(), chat: this.chatJson, from: { is_bot: true, ...TRYOUT_BOT }, text: m.text },
      },
    });
    return queryId;
  }

  /** Presses the button with this label on `m`. */
  pressLabel(m: BotMessage, label: string | RegExp): string {
    const button = m.buttons.flat().find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button?.callback_data) throw new Error(`no button "${label}" under: ${m.text}\nbuttons: ${m.buttons.flat().map((b) => b.text).join(" | ")}`);
    return this.press(m.message_id, button.callback_data);
  }
}
