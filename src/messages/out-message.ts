// One message the outbox sends: a text (with its buttons) or a picture.
import type { InlineKeyboard, InputFile } from "grammy";

export type OutMessage =
  | { text: string; keyboard?: InlineKeyboard }
  | { photo: InputFile; caption: string };
