// One question at a time, the same way in every form: a bad answer gets a
// clear message and the same question again, and only the buttons of the
// question being asked count.
import { InlineKeyboard } from "grammy";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { queueNotice } from "../../outbox/form-notice.js";
import { isTelegramOutage } from "../../telegram-errors.js";
import { replyMayCarry } from "../middleware/update-end.js";

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
  /**
   * A question that must not stand in the way (the full name asked on joining): a command or
   * another message's button ends the form and is handled as if no form were open.
   */
  leaveOnOther?: boolean;
}

const CHOICE_PREFIX = "a:";

/** What a form needs besides the conversation: where a last message waits when Telegram is down. */
export type FormDeps = Pick<AppDeps, "db" | "clock" | "outbox">;

/**
 * Telegram down past the retries of retrying-fetch.ts does not end a form: a
 * notice that could not be sent waits for the next question, a question that
 * could not be sent is taken as asked (the next message may answer it, or it is
 * asked again), and the form's last message is queued (finish). Every decision
 * here follows from the results of API calls, which the conversation records, so
 * a replay takes the same path.
 */
export class FormSession {
  /** Notices Telegram did not take, oldest first: sent before the next question. */
  private unsent: string[] = [];

  constructor(
    readonly conversation: FormConversation,
    private ctx: FormContext,
    private deps: FormDeps,
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return this.ctx.t(key, vars);
  }

  /** A notice in the middle of a form; if Telegram is down, it goes before the next question. */
  async say(text: string): Promise<void> {
    this.unsent.push(text);
    await this.flush();
  }

  /**
   * The form's last message (a receipt, a refusal). If Telegram is down it is
   * queued and sent once Telegram answers, so the person still learns how it ended.
   * `keyboard`: buttons that lead on (a request's current revision); a queued notice goes without them.
   */
  async finish(text: string, keyboard?: InlineKeyboard): Promise<void> {
    if ((await this.flush()) && (await this.attempt(() => this.ctx.reply(text, keyboard ? { reply_markup: keyboard } : {})))) return;
    const key = `${this.ctx.chat!.id}:${this.ctx.update.update_id}`;
    const chatId = this.ctx.chat!.id;
    await this.external(async () => {
      await queueNotice(this.deps.db, { key, chatId, text, now: this.deps.clock() });
      this.deps.outbox.kick();
    });
  }

  get userId(): number {
    return this.ctx.from!.id;
  }

  /** Runs `task` once, outside replays; its result must be plain JSON. */
  external<R>(task: () => Promise<R> | R): Promise<R> {
    return this.conversation.external(task);
  }

  async ask<T>(q: Question<T>): Promise<T> {
    /** The question's message; undefined while Telegram has not taken it (the person may not have seen it). */
    let asked = await this.send(q);
    for (;;) {
      const ctx = await this.conversation.wait();
      this.ctx = ctx;
      const unseen = asked === undefined;
      const cb = ctx.callbackQuery;
      const foreign = cb ? cb.message?.message_id !== asked || !cb.data?.startsWith(CHOICE_PREFIX) : Boolean(ctx.message?.text?.startsWith("/"));
      if (q.leaveOnOther && foreign) await this.conversation.halt({ next: true });
      if (cb) {
        if (unseen || cb.message?.message_id !== asked || !cb.data?.startsWith(CHOICE_PREFIX)) {
          await this.toast(ctx.t("form-stale-button"));
          asked = await this.send(q, unseen);
          continue;
        }
        await this.toast();
        const parsed = q.parse({ choice: cb.data.slice(CHOICE_PREFIX.length) });
        if (parsed.ok) return this.accept(q, asked, parsed);
        asked = (await this.attempt(() => ctx.reply(parsed.error))) ? await this.send(q) : undefined;
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
      // A question the person did not see: what they sent answered something else, so it is asked again, with why.
      if (unseen) asked = await this.send(q, true);
      else asked = (await this.attempt(() => ctx.reply(error))) ? await this.send(q) : undefined;
    }
  }

  /** The question's message id, or undefined when Telegram did not take it. `again`: it did not take it last time either. */
  private async send(q: Question<unknown>, again = false): Promise<number | undefined> {
    const resent = this.t("form-question-resent");
    if (again && this.unsent[0] !== resent) this.unsent.unshift(resent);
    if (!(await this.flush())) return undefined;
    const keyboard = q.buttons?.length ? InlineKeyboard.from(q.buttons.map((row) => row.map((c) => InlineKeyboard.text(c.label, CHOICE_PREFIX + c.value)))) : undefined;
    const sent = await this.attempt(() => this.ctx.reply(q.text, keyboard ? { reply_markup: keyboard } : {}));
    return sent?.message_id;
  }

  /** Sends the notices Telegram did not take; false when it still does not. */
  private async flush(): Promise<boolean> {
    while (this.unsent.length > 0) {
      if (!(await this.attempt(() => this.ctx.reply(this.unsent[0]!)))) return false;
      this.unsent.shift();
    }
    return true;
  }

  /** The call's result, or undefined when Telegram is down; any other failure ends the form as before. */
  private async attempt<R>(call: () => Promise<R>): Promise<R | undefined> {
    try {
      return await call();
    } catch (err) {
      if (isTelegramOutage(err)) return undefined;
      throw err;
    }
  }

  /** A toast that does not come (Telegram down, the press too old to answer) changes nothing. */
  private async toast(text?: string): Promise<void> {
    try {
      await this.ctx.answerCallbackQuery(text === undefined ? undefined : { text });
    } catch {
      // Only the toast is lost.
    }
  }

  /**
   * Shows the answer under the question and takes its buttons away, so it cannot be pressed again.
   * A question Telegram did not take is shown anew with the answer, so the person sees what was recorded.
   */
  private async accept<T>(q: Question<T>, messageId: number | undefined, parsed: { value: T; shown: string }): Promise<T> {
    const text = q.keepText ? q.text : this.ctx.t("form-answered", { question: q.text, answer: parsed.shown });
    if (messageId === undefined) {
      await this.say(`${this.t("form-answer-taken-unseen")}\n${text}`);
      return parsed.value;
    }
    try {
      // Carried by the webhook's reply when the update has no press (middleware/update-end.ts).
      await replyMayCarry(() => this.ctx.api.editMessageText(this.ctx.chat!.id, messageId, text));
    } catch {
      // An edit can fail (message too old, unchanged, Telegram down); the answer still counts.
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
