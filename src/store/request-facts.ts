// What the answer form, the reminders and the late list read of a request besides the
// request itself: the figures an answer starts from, who has not answered, who closed it.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { RequestStatus, type Cohorts } from "../domain/request.js";
import { displayName, NAME_FIELDS } from "./users.js";

type Reader = Db | Prisma.TransactionClient;

/** Those admitted per cohort in the branch's current monthly reports from January of `fromYear` on. */
export async function admittedSince(db: Reader, unitId: number, fromYear: number): Promise<Cohorts> {
  const s = await db.report.aggregate({
    where: { unitId, supersededAt: null, year: { gte: fromYear } },
    _sum: { admittedTeachers: true, admittedPupils: true, admittedStudents: true, admittedOther: true },
  });
  return { teachers: s._sum.admittedTeachers ?? 0, pupils: s._sum.admittedPupils ?? 0, students: s._sum.admittedStudents ?? 0, other: s._sum.admittedOther ?? 0 };
}

/** The candidates (quần chúng ưu tú) of the branch's latest current monthly report; undefined before its first. */
export async function latestCandidates(db: Reader, unitId: number): Promise<number | undefined> {
  const r = await db.report.findFirst({ where: { unitId, supersededAt: null }, orderBy: [{ year: "desc" }, { month: "desc" }], select: { candidates: true } });
  return r?.candidates;
}

/** The requests still open, with what their occasions are worked out from. */
export function openRequests(db: Db) {
  return db.infoRequest.findMany({
    where: { status: RequestStatus.OPEN, sentAt: { not: null } },
    select: { id: true, dueOn: true, dueTime: true, sentAt: true },
    orderBy: { id: "asc" },
  });
}

/** The request's target branches with no current answer, by code, with their names. */
export async function unansweredTargets(db: Reader, requestId: number, onlyUnitIds?: readonly number[]): Promise<{ id: number; code: string; name: string }[]> {
  const rows = await db.requestTarget.findMany({
    where: { requestId, ...(onlyUnitIds ? { unitId: { in: [...onlyUnitIds] } } : {}), unit: { requestAnswers: { none: { requestId, supersededAt: null } } } },
    select: { unit: { select: { id: true, code: true, name: true } } },
    orderBy: { unit: { code: "asc" } },
  });
  return rows.map((r) => r.unit);
}

/** The request's header as a reminder or the late list names it. */
export async function requestHeading(db: Reader, requestId: number) {
  const r = await db.infoRequest.findUnique({
    where: { id: requestId },
    select: { id: true, title: true, dueOn: true, dueTime: true, status: true, revision: true, unitId: true, unit: { select: { name: true } }, createdBy: { select: { telegramId: true, ...NAME_FIELDS } } },
  });
  if (!r) return null;
  const { createdBy, unit, ...rest } = r;
  return { ...rest, unitName: unit.name, requester: displayName(createdBy), requesterChatId: createdBy.telegramId };
}

/**
 * Who closed the request, when known: the audit entry its closing writes (action "request.close",
 * subject the request's id). Undefined when no such entry is there.
 */
export async function requestCloser(db: Reader, requestId: number): Promise<string | undefined> {
  const e = await db.auditEntry.findFirst({ where: { action: "request.close", subject: String(requestId) }, orderBy: { id: "desc" }, select: { actorId: true } });
  if (!e) return undefined;
  const u = await db.user.findUnique({ where: { telegramId: e.actorId }, select: NAME_FIELDS });
  return u ? displayName(u) : undefined;
}

/** The chat of the group registered for the request's unit, if any. */
export async function unitGroupChat(db: Reader, unitId: number): Promise<bigint | undefined> {
  const g = await db.groupChat.findFirst({ where: { unitId, active: true }, select: { chatId: true }, orderBy: { id: "asc" } });
  return g?.chatId;
}
