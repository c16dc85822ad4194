// One message the outbox sends: a text (with its buttons), a picture, or the
// command menu of the recipient's private chat (empty: their own menu is deleted).
import type { InlineKeyboard, InputFile } from "grammy";
import type { MenuCommand } from "./help.js";

export type OutMessage =
  | { text: string; keyboard?: InlineKeyboard }
  | { photo: InputFile; caption: string }
  | { menu: MenuCommand[] };
