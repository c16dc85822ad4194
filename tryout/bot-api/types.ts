// What the Bot API server holds and answers with, shared by its modules.

export type Json = Record<string, any>;

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A message as the bot left it: text and buttons reflect later edits. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  text: string;
  buttons: InlineButton[][];
  method: string;
  document?: string;
  photo?: string;
  deleted?: boolean;
  editedTimes: number;
}

export interface CallbackAnswer {
  id: string;
  text?: string;
  user_id: number;
  show_alert?: boolean;
}

/** An answer given before the method runs: an HTTP status and body, or a dropped connection. */
export type EarlyAnswer = { status: number; body: Json } | "drop" | undefined;

export interface BotApiOptions {
  token: string;
  bot: { id: number; first_name: string; username: string };
  /** getUpdates waits at most this long for an update, whatever timeout the bot asks for. */
  maxPollSeconds: number;
}

/** An error Telegram answers with: its code and its description. */
export function apiError(code: number, description: string): Error {
  return Object.assign(new Error(description), { code });
}
