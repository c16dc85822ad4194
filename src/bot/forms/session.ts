// One question at a time, the same way in every form: a bad answer gets a
// clear message and the same question again, and only the buttons of the
// question being asked count.
import { InlineKeyboard } from "grammy";
import type { FormContext, FormConversation } from "../context.js";

export type Parsed<T> = { ok: true; value: T; shown: string } | { ok: false; error: string };

export interface Choice {
  label: string;
  value: string;
}

/** A photo or document sent in answer; Telegram gives its size before anything is downloaded. */
export interface FileAnswer {
  isPhoto: boolean;
  fileId: string;
  fileUniqueId: string;
  mimeType?: string;
  fileName?: string;
  size?: number;
}

export type Answer = { text: string } | { choice: string } | { file: FileAnswer };

export interface Question<T> {
  text: string;
  buttons?: Choice[][];
  /** Reads a typed answer, a pressed button's value, or (when `acceptsFiles`) a file. */
  parse(answer: Answer): Parsed<T>;
  acceptsFiles?: boolean;
  /** Once answered, keep the question's text as it is (only its buttons go) instead of echoing the answer. */
  keepText?: boolean;
}

const CHOICE_PREFIX = "a:";

export class FormSession {
  constructor(
    readonly conversation: FormConversation,
    private ctx: FormContext,
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return this.ctx.t(key, vars);
  }

  async say(text: string): Promise<void> {
    await this.ctx.reply(text);
  }

  get userId(): number {
    return this.ctx.from!.id;
  }

  /** Runs `task` once, outside replays; its result must be plain JSON. */
  external<R>(task: () => Promise<R> | R): Promise<R> {
    return this.conversation.external(task);
  }

  async ask<T>(q: Question<T>): Promise<T> {
    let asked = await this.send(q);
    for (;;) {
      const ctx = await this.conversation.wait();
      this.ctx = ctx;
      const cb = ctx.callbackQuery;
      if (cb) {
        if (cb.message?.message_id !== asked || !cb.data?.startsWith(CHOICE_PREFIX)) {
          await ctx.answerCallbackQuery({ text: ctx.t("form-stale-button") });
          asked = await this.send(q);
          continue;
        }
        await ctx.answerCallbackQuery();
        const parsed = q.parse({ choice: cb.data.slice(CHOICE_PREFIX.length) });
        if (parsed.ok) return this.accept(q, asked, parsed);
        await ctx.reply(parsed.error);
        asked = await this.send(q);
        continue;
      }
      const message = ctx.message;
      if (!message) continue; // edits, reactions and the like are not answers
      const file = fileOf(message);
      let error: string;
      if (message.text?.startsWith("/")) error = ctx.t("form-in-progress");
      else if (message.text !== undefined || (file && q.acceptsFiles)) {
        const parsed = q.parse(message.text !== undefined ? { text: message.text } : { file: file! });
        if (parsed.ok) return this.accept(q, asked, parsed);
        error = parsed.error;
      } else error = ctx.t(q.acceptsFiles ? "meeting-file-expected" : "form-text-expected");
      await ctx.reply(error);
      asked = await this.send(q);
    }
  }

  private async send(q: Question<unknown>): Promise<number> {
    const keyboard = q.buttons?.length ? InlineKeyboard.from(q.buttons.map((row) => row.map((c) => InlineKeyboard.text(c.label, CHOICE_PREFIX + c.value)))) : undefined;
    const sent = await this.ctx.reply(q.text, keyboard ? { reply_markup: keyboard } : {});
    return sent.message_id;
  }

  /** Shows the answer under the question and takes its buttons away, so it cannot be pressed again. */
  private async accept<T>(q: Question<T>, messageId: number, parsed: { value: T; shown: string }): Promise<T> {
    const text = q.keepText ? q.text : this.ctx.t("form-answered", { question: q.text, answer: parsed.shown });
    try {
      await this.ctx.api.editMessageText(this.ctx.chat!.id, messageId, text);
    } catch {
      // An edit can fail (message too old, unchanged); the answer still counts.
    }
    return parsed.value;
  }
}

function fileOf(message: NonNullable<FormContext["message"]>): FileAnswer | undefined {
  const photo = message.photo?.at(-1); // the largest size Telegram made
  if (photo) return { isPhoto: true, fileId: photo.file_id, fileUniqueId: photo.file_unique_id, ...(photo.file_size ? { size: photo.file_size } : {}) };
  const d = message.document;
  if (d) {
    return {
      isPhoto: false,
      fileId: d.file_id,
      fileUniqueId: d.file_unique_id,
      ...(d.mime_type ? { mimeType: d.mime_type } : {}),
      ...(d.file_name ? { fileName: d.file_name } : {}),
      ...(d.file_size ? { size: d.file_size } : {}),
    };
  }
  return undefined;
}
