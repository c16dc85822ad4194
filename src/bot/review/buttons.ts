// What a reviewer's button names, read as a typed value: the data can be forged.
import { parseId } from "../../domain/numbers.js";
import { RecordKind } from "../../domain/review.js";
import type { RecordRef } from "../../domain/review.js";

/** The record a button names; undefined when its data could name none (a forged id). */
export function refOf(kind: string, id: string): RecordRef | undefined {
  const n = parseId(id);
  if (n === undefined || (kind !== RecordKind.MEETING && kind !== RecordKind.REPORT)) return undefined;
  return { kind, id: n };
}
