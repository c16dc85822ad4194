// A committee's own settings, shown or chosen by whoever the access table lets (SET_TOTALS: the
// committee's own members, administrators): /tinhtong, what its digests and exports count, and
// /caidat <mã> tên, whether its group's /tonghop names people.
import { Action, ancestorsIn, may } from "../domain/access.js";
import type { TotalsMode } from "../domain/review-totals.js";
import type { Actor } from "../domain/roles.js";
import { normaliseUnitCode, UnitKind } from "../domain/units.js";
import { allUnits } from "../store/digest-data.js";
import { setTotalsMode, totalsChoiceOf } from "../store/totals-setting.js";
import { groupShowsNames, setGroupNames } from "../store/group-names.js";
import type { UseCaseDeps } from "./deps.js";

type Unit = { id: number; code: string; name: string };

export type TotalsAnswer =
  | { status: "unit-missing" }
  | { status: "branch"; unit: Unit }
  | { status: "not-allowed"; unit: Unit }
  | { status: "bad-word"; unit: Unit }
  /** `from`: where the choice in force was made (null: nowhere, the default). */
  | { status: "shown"; unit: Unit; mode: TotalsMode; from: { id: number; name: string } | null }
  | { status: "set"; unit: Unit; mode: TotalsMode; changed: boolean };

/**
 * The committee a setting is for, and every unit, once the person may set it: a committee's own
 * members (or above) and administrators choose what its summaries count and show.
 */
async function committeeSetting(
  deps: UseCaseDeps,
  actor: Actor,
  code: string,
): Promise<{ unit: Unit; units: Awaited<ReturnType<typeof allUnits>> } | { status: "unit-missing" } | { status: "branch" | "not-allowed"; unit: Unit }> {
  const units = await allUnits(deps.db);
  const unit = units.find((u) => u.code === normaliseUnitCode(code));
  if (!unit) return { status: "unit-missing" };
  if (unit.kind === UnitKind.BRANCH) return { status: "branch", unit };
  const target = { unitId: unit.id, ancestors: ancestorsIn(new Map(units.map((u) => [u.id, u.parentId])), unit.id), delegated: false };
  if (!may(actor, Action.SET_TOTALS, target)) return { status: "not-allowed", unit };
  return { unit, units };
}

/** `choice`: undefined to show the choice in force, "bad" for a word that names none. */
export async function committeeTotals(deps: UseCaseDeps, actor: Actor, code: string, choice: TotalsMode | "bad" | undefined): Promise<TotalsAnswer> {
  const found = await committeeSetting(deps, actor, code);
  if ("status" in found) return found;
  const { unit, units } = found;
  if (choice === undefined) {
    const { mode, setAt } = await totalsChoiceOf(deps.db, unit.id, units);
    return { status: "shown", unit, mode, from: setAt === null ? null : { id: setAt, name: units.find((u) => u.id === setAt)?.name ?? "" } };
  }
  if (choice === "bad") return { status: "bad-word", unit };
  const { changed } = await setTotalsMode(deps.db, { unitId: unit.id, unitCode: unit.code, unitName: unit.name, mode: choice, actorId: actor.telegramId, now: deps.clock() });
  return { status: "set", unit, mode: choice, changed };
}

export type GroupNamesAnswer =
  | { status: "unit-missing" }
  | { status: "branch"; unit: Unit }
  | { status: "not-allowed"; unit: Unit }
  | { status: "shown"; unit: Unit; show: boolean }
  | { status: "set"; unit: Unit; show: boolean; changed: boolean };

/** `show`: undefined to show the choice in force. */
export async function committeeGroupNames(deps: UseCaseDeps, actor: Actor, code: string, show: boolean | undefined): Promise<GroupNamesAnswer> {
  const found = await committeeSetting(deps, actor, code);
  if ("status" in found) return found;
  const { unit } = found;
  if (show === undefined) return { status: "shown", unit, show: await groupShowsNames(deps.db, unit.id) };
  const { changed } = await setGroupNames(deps.db, { unitId: unit.id, unitCode: unit.code, unitName: unit.name, show, actorId: actor.telegramId, now: deps.clock() });
  return { status: "set", unit, show, changed };
}
