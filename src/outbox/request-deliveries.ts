// A request (/yeucau) goes to each branch's people on duty through the same queue as the
// reminders, written in the transaction that stores the request or its change: one occasion per
// revision (request:<id>:r<revision>), one delivery per person with the branches they file for.
import type { Prisma } from "../db/generated/client.js";
import { onDutyChatIdsByUnit } from "../store/delegations.js";
import { enqueue } from "./enqueue.js";
import { JobKind, type RequestDeliveryPayload, type RequestJobPayload } from "./job-kinds.js";

export const requestOccasion = (requestId: number, revision: number) => `${JobKind.REQUEST}:${requestId}:r${revision}`;

export interface RequestSendout {
  /** Branches someone on duty will receive it for */
  reached: number;
  /** Branches with nobody on duty on the bot (no secretary yet, or a deputy-less hand-over) */
  unreached: number[];
}

export async function queueRequestDeliveries(
  tx: Prisma.TransactionClient,
  r: { requestId: number; revision: number; unitIds: readonly number[]; now: Date; timeZone: string },
): Promise<RequestSendout> {
  // Whoever is on duty today: the deputies while the secretary has handed over or is away.
  const onDuty = await onDutyChatIdsByUnit(tx, [...r.unitIds], r.now, r.timeZone);
  const byChat = new Map<bigint, number[]>();
  const unreached: number[] = [];
  for (const [unitId, chatIds] of onDuty) {
    if (chatIds.length === 0) unreached.push(unitId);
    for (const chatId of chatIds) {
      const list = byChat.get(chatId);
      if (list) list.push(unitId);
      else byChat.set(chatId, [unitId]);
    }
  }
  const payload: RequestJobPayload = { requestId: r.requestId, revision: r.revision };
  await enqueue(
    tx,
    { occasion: requestOccasion(r.requestId, r.revision), kind: JobKind.REQUEST, payload, dueAt: r.now, now: r.now },
    [...byChat].map(([chatId, unitIds]) => ({ chatId, payload: { unitIds } satisfies RequestDeliveryPayload })),
  );
  return { reached: r.unitIds.length - unreached.length, unreached };
}
