// The buttons of requests (/yeucau), encoded in one place. Callback data is input (it
// can be forged): every handler reads it through readRequestButton and refuses undefined.
import { parseId } from "./numbers.js";

export type RequestButton =
  /** Open the answer form of a delivered request, as sent in its revision */
  | { kind: "answer"; requestId: number; revision: number }
  /** Start a new request */
  | { kind: "new" }
  /** Start a new request from a copy of this one */
  | { kind: "copy"; requestId: number }
  /** Change a sent request (a new revision) */
  | { kind: "edit"; requestId: number }
  /** Show where a request stands */
  | { kind: "view"; requestId: number }
  /** Remind the branches that have not answered, now */
  | { kind: "remind"; requestId: number }
  | { kind: "close"; requestId: number }
  | { kind: "export"; requestId: number }
  /** Review of one answer version */
  | { kind: "approve"; answerId: number }
  | { kind: "return"; answerId: number };

const withId = { copy: "cp", edit: "sua", view: "xem", remind: "nhac", close: "dong", export: "xuat", approve: "ok", return: "tra" } as const;
type WithId = keyof typeof withId;
const byCode = new Map<string, WithId>(Object.entries(withId).map(([k, v]) => [v, k as WithId]));

export function requestButtonData(b: RequestButton): string {
  switch (b.kind) {
    case "answer":
      return `yc:tl:${b.requestId}:${b.revision}`;
    case "new":
      return "yc:moi";
    case "approve":
    case "return":
      return `yc:${withId[b.kind]}:${b.answerId}`;
    default:
      return `yc:${withId[b.kind]}:${b.requestId}`;
  }
}

export function readRequestButton(data: string): RequestButton | undefined {
  if (data === "yc:moi") return { kind: "new" };
  const answer = /^yc:tl:(\d{1,10}):(\d{1,4})$/.exec(data);
  if (answer) {
    const requestId = parseId(answer[1]!);
    const revision = Number(answer[2]);
    return requestId === undefined || revision < 1 ? undefined : { kind: "answer", requestId, revision };
  }
  const m = /^yc:([a-z]{2,4}):(\d{1,10})$/.exec(data);
  const kind = m ? byCode.get(m[1]!) : undefined;
  const id = m ? parseId(m[2]!) : undefined;
  if (kind === undefined || id === undefined) return undefined;
  return kind === "approve" || kind === "return" ? { kind, answerId: id } : { kind, requestId: id };
}
