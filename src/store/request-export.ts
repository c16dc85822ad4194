// What a request's two export files are made from: each branch it went to, by code, with
// its current answer (values, who sent it, version, late, review) or none.
import type { Db } from "../db/client.js";
import type { AnswerValue, RequestQuestion } from "../domain/request.js";
import type { RequestRow } from "./requests.js";
import { currentAnswers } from "./requests.js";
import { namesByUserId, requestTargets } from "./request-status.js";

export interface RequestFilesData {
  committee: string;
  title: string;
  dueOn: string;
  dueTime: string | null;
  questions: RequestQuestion[];
  rows: {
    code: string;
    name: string;
    answer: { values: Record<string, AnswerValue>; by: string; at: Date; version: number; late: boolean; reviewState: string } | null;
  }[];
}

export async function requestFilesData(db: Db, request: RequestRow): Promise<RequestFilesData> {
  const unit = await db.unit.findUnique({ where: { id: request.unitId }, select: { name: true } });
  const targets = await requestTargets(db, request.id);
  const answers = await currentAnswers(db, request.id);
  const names = await namesByUserId(db, [...answers.values()].map((a) => a.submittedById));
  return {
    committee: unit?.name ?? "",
    title: request.title,
    dueOn: request.dueOn,
    dueTime: request.dueTime,
    questions: request.questions,
    rows: targets.map((t) => {
      const a = answers.get(t.unitId);
      return {
        code: t.code,
        name: t.name,
        answer: a ? { values: a.values, by: names.get(a.submittedById) ?? "", at: a.submittedAt, version: a.version, late: a.late, reviewState: a.reviewState } : null,
      };
    }),
  };
}
