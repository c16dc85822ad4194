// What the handlers read of an update, checked before anything else reads it.
// Telegram's own updates always pass; a webhook body is input like any other
// (whoever holds the secret can post one), and a field of the wrong type
// (a number where the text is) would otherwise break a handler half-way.
import { z } from "zod";

const id = z.number().int().refine(Number.isSafeInteger);
const size = z.number().int().nonnegative().optional();
const user = z.looseObject({ id, first_name: z.string(), last_name: z.string().optional(), username: z.string().optional() });
const chat = z.looseObject({ id, type: z.string(), title: z.string().optional() });
const file = { file_id: z.string(), file_unique_id: z.string(), file_size: size };

const message = z.looseObject({
  message_id: id,
  chat,
  from: user.optional(),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() })).optional(),
  photo: z.array(z.looseObject(file)).optional(),
  document: z.looseObject({ ...file, file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
});

const callbackQuery = z.looseObject({
  id: z.string(),
  from: user,
  data: z.string().optional(),
  message: z.looseObject({ message_id: id, chat }).optional(),
});

const update = z.looseObject({ update_id: z.number().int().nonnegative(), message: message.optional(), callback_query: callbackQuery.optional() });

export function isWellFormedUpdate(u: unknown): boolean {
  return update.safeParse(u).success;
}
