// A branch's year so far (/tiendo): its reports and meetings from the month it began to answer
// for, and the same behind the details button, asked again of the access table since the
// button's data is input.
import { Action, may } from "../domain/access.js";
import { meetingCompliance } from "../domain/meeting.js";
import { firstMonthOf, yearProgress, type YearSoFar } from "../domain/progress.js";
import type { Actor } from "../domain/roles.js";
import { loadTarget } from "../store/access.js";
import { meetingFactsOfYear } from "../store/meetings.js";
import { yearReports } from "../store/reports.js";
import { dueRuleFor } from "../store/deadlines.js";
import { findUnit, unitCreated } from "../store/units.js";
import { normaliseUnitCode, UnitKind } from "../domain/units.js";
import type { UseCaseDeps } from "./deps.js";

/** The branch's year, or null when there is no such unit. */
export async function branchYear(deps: UseCaseDeps, unitId: number, year: number): Promise<YearSoFar | null> {
  const unit = await unitCreated(deps.db, unitId);
  if (!unit) return null;
  const now = deps.clock();
  const tz = deps.config.TZ;
  const due = await dueRuleFor(deps.db, unitId);
  const reports = await yearReports(deps.db, unitId, year);
  const meetings = await meetingFactsOfYear(deps.db, unitId, year);
  const firstMonth = firstMonthOf(year, unit.createdAt, [...reports.map((r) => r.month), ...meetings.map((m) => Number(m.heldOn.slice(5, 7)))], tz);
  return {
    unitId,
    unitName: unit.name,
    year,
    firstMonth,
    reports: yearProgress(reports, year, now, due, tz, firstMonth),
    meetings: meetingCompliance(meetings, year, now, tz, firstMonth),
  };
}

/** The details button: the year, if the person may still follow the branch's progress (Action.PROGRESS). */
export async function branchYearFor(deps: UseCaseDeps, actor: Actor, unitId: number, year: number): Promise<YearSoFar | "not-allowed"> {
  const target = await loadTarget(deps.db, unitId, deps.clock(), deps.config.TZ);
  if (!may(actor, Action.PROGRESS, target)) return "not-allowed";
  return (await branchYear(deps, unitId, year)) ?? "not-allowed";
}

/** /tiendo <mã>: a branch named by its code, for whoever the access table lets follow it (a committee above, an administrator). */
export async function branchYearByCode(
  deps: UseCaseDeps,
  actor: Actor,
  code: string,
  year: number,
): Promise<YearSoFar | { status: "unit-missing" } | { status: "not-branch" | "not-allowed"; name: string }> {
  const normal = normaliseUnitCode(code);
  const unit = normal === undefined ? null : await findUnit(deps.db, normal);
  if (!unit) return { status: "unit-missing" };
  if (unit.kind !== UnitKind.BRANCH) return { status: "not-branch", name: unit.name };
  const y = await branchYearFor(deps, actor, unit.id, year);
  return y === "not-allowed" ? { status: "not-allowed", name: unit.name } : y;
}
