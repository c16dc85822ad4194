// The last message of a form that Telegram did not take (it was down past the
// retries): queued with the other messages the bot owes (JobRun + Delivery), so
// that the person still learns how the form ended, once, when Telegram answers.
import { Prisma } from "../db/generated/client.js";
import type { Db } from "../db/client.js";

export const NOTICE_JOB = "form-notice";

export interface NoticeJobPayload {
  text: string;
}

/** `key` names the occasion (the chat and the update that ended the form): queued twice, it is kept once. */
export async function queueNotice(db: Db, input: { key: string; chatId: number; text: string; now: Date }): Promise<void> {
  const occasion = `${NOTICE_JOB}:${input.key}`;
  const { now } = input;
  try {
    await db.$transaction(async (tx) => {
      await tx.jobRun.create({ data: { occasion, kind: NOTICE_JOB, payload: JSON.stringify({ text: input.text } satisfies NoticeJobPayload), dueAt: now, plannedAt: now } });
      await tx.delivery.create({ data: { occasion, chatId: BigInt(input.chatId), payload: "{}", status: "PENDING", attempts: 0, sentParts: 0, updatedAt: now } });
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return;
    throw e;
  }
}
