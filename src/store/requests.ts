// Requests for figures (/yeucau) and their answers: the rows, read through the one
// reading of their JSON (src/domain/request.ts). Answers are versioned like reports.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { readAnswerValues, readQuestions, RequestStatus, type AnswerValues, type RequestQuestion } from "../domain/request.js";
import { writeNextVersion, type VersionResult } from "./versioning.js";

export interface NewRequest {
  title: string;
  unitId: number;
  createdById: number;
  questions: readonly RequestQuestion[];
  dueOn: string;
  dueTime: string | null;
  template: string | null;
  prefillFromYear: number | null;
  /** The branches it goes to (the unit's subtree when it is sent) */
  targetUnitIds: readonly number[];
  now: Date;
}

export interface RequestRow {
  id: number;
  title: string;
  unitId: number;
  createdById: number;
  questions: RequestQuestion[];
  dueOn: string;
  dueTime: string | null;
  template: string | null;
  prefillFromYear: number | null;
  revision: number;
  status: RequestStatus;
  createdAt: Date;
  sentAt: Date | null;
  closedAt: Date | null;
  remindedOn: string | null;
}

/** Stores a request with the branches it goes to, as sent (sentAt = now). */
export async function createRequest(db: Db, r: NewRequest): Promise<number> {
  return db.$transaction((tx) => writeRequest(tx, r));
}

/** createRequest in the caller's transaction: the request and its deliveries are written together. */
export async function writeRequest(tx: Prisma.TransactionClient, r: NewRequest): Promise<number> {
  {
    const row = await tx.infoRequest.create({
      data: {
        title: r.title,
        unitId: r.unitId,
        createdById: r.createdById,
        questions: JSON.stringify(r.questions),
        dueOn: r.dueOn,
        dueTime: r.dueTime,
        template: r.template,
        prefillFromYear: r.prefillFromYear,
        status: RequestStatus.OPEN,
        createdAt: r.now,
        sentAt: r.now,
      },
      select: { id: true },
    });
    if (r.targetUnitIds.length > 0) await tx.requestTarget.createMany({ data: r.targetUnitIds.map((unitId) => ({ requestId: row.id, unitId })) });
    return row.id;
  }
}

type StoredRequest = Omit<RequestRow, "questions" | "status"> & { questions: string; status: string };
const toRow = (r: StoredRequest): RequestRow => ({ ...r, questions: readQuestions(r.questions), status: r.status as RequestStatus });

export function loadRequest(db: Db, id: number): Promise<RequestRow | null> {
  return loadRequestIn(db, id);
}

/** The same, read in a transaction too (the answer's checks as it is stored). */
export async function loadRequestIn(db: Db | Prisma.TransactionClient, id: number): Promise<RequestRow | null> {
  const r = await db.infoRequest.findUnique({ where: { id } });
  return r ? toRow(r) : null;
}

export async function requestTargetIds(db: Db, requestId: number): Promise<number[]> {
  const rows = await db.requestTarget.findMany({ where: { requestId }, select: { unitId: true }, orderBy: { unitId: "asc" } });
  return rows.map((r) => r.unitId);
}

export interface AnswerRow {
  id: number;
  unitId: number;
  version: number;
  revision: number;
  values: AnswerValues;
  late: boolean;
  submittedById: number;
  submittedAt: Date;
  reviewState: string;
  reviewedById: number | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

const answerSelect = {
  id: true,
  unitId: true,
  version: true,
  revision: true,
  answers: true,
  late: true,
  submittedById: true,
  submittedAt: true,
  reviewState: true,
  reviewedById: true,
  reviewedAt: true,
  reviewNote: true,
} as const;

/** The current answer of every branch that answered, by branch. */
export async function currentAnswers(db: Db, requestId: number): Promise<Map<number, AnswerRow>> {
  const rows = await db.requestAnswer.findMany({ where: { requestId, supersededAt: null }, select: answerSelect });
  return new Map(rows.map(({ answers, ...r }) => [r.unitId, { ...r, values: readAnswerValues(answers) }]));
}

/** One branch's current answer, null before it answered. */
export async function currentAnswer(db: Db, requestId: number, unitId: number): Promise<AnswerRow | null> {
  const r = await db.requestAnswer.findFirst({ where: { requestId, unitId, supersededAt: null }, select: answerSelect });
  if (!r) return null;
  const { answers, ...rest } = r;
  return { ...rest, values: readAnswerValues(answers) };
}

export interface AnswerWrite {
  requestId: number;
  unitId: number;
  revision: number;
  values: AnswerValues;
  late: boolean;
  submittedById: number;
  now: Date;
  /** The version the person started from (0: none): a version written meanwhile is a conflict */
  baseVersion: number;
}

/** Writes the next version of a branch's answer; the one it replaces is kept, superseded. */
export function saveAnswer(db: Db, a: AnswerWrite): Promise<VersionResult> {
  return writeNextVersion(db, a.baseVersion, answerVersions(a));
}

/**
 * The same, with `refusal` asked first in the transaction that writes (the request closed or
 * changed, the writer's rights gone: nothing is stored), and `created` given the new row's id
 * inside it (what follows a saved version is queued with it).
 */
export function saveCheckedAnswer<R>(
  db: Db,
  a: AnswerWrite,
  refusal: (tx: Prisma.TransactionClient) => Promise<R | undefined>,
  created: (tx: Prisma.TransactionClient, answerId: number, version: number) => Promise<unknown>,
): Promise<VersionResult<R>> {
  const ops = answerVersions(a);
  return writeNextVersion<R>(db, a.baseVersion, {
    ...ops,
    refusal,
    create: async (tx, version) => created(tx, (await ops.create(tx, version)).id, version),
  });
}

function answerVersions(a: AnswerWrite) {
  const where = { requestId: a.requestId, unitId: a.unitId };
  return {
    async currentVersion(tx: Prisma.TransactionClient) {
      const cur = await tx.requestAnswer.findFirst({ where: { ...where, supersededAt: null }, select: { version: true } });
      return cur?.version ?? 0;
    },
    supersede: (tx: Prisma.TransactionClient, version: number) => tx.requestAnswer.updateMany({ where: { ...where, version }, data: { supersededAt: a.now } }),
    create: (tx: Prisma.TransactionClient, version: number) =>
      tx.requestAnswer.create({
        data: {
          ...where,
          version,
          revision: a.revision,
          answers: JSON.stringify(a.values),
          late: a.late,
          submittedById: a.submittedById,
          submittedAt: a.now,
        },
        select: { id: true },
      }),
  };
}
