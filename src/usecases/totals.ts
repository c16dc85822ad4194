// /tinhtong: what a committee's digests and exports count, shown or chosen, by
// whoever the access table lets (SET_TOTALS: the committee's own members, administrators).
import { Action, ancestorsIn, may } from "../domain/access.js";
import type { TotalsMode } from "../domain/review-totals.js";
import type { Actor } from "../domain/roles.js";
import { normaliseUnitCode, UnitKind } from "../domain/units.js";
import { allUnits } from "../store/digest-data.js";
import { setTotalsMode, totalsChoiceOf } from "../store/totals-setting.js";
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

/** `choice`: undefined to show the choice in force, "bad" for a word that names none. */
export async function committeeTotals(deps: UseCaseDeps, actor: Actor, code: string, choice: TotalsMode | "bad" | undefined): Promise<TotalsAnswer> {
  const units = await allUnits(deps.db);
  const unit = units.find((u) => u.code === normaliseUnitCode(code));
  if (!unit) return { status: "unit-missing" };
  if (unit.kind === UnitKind.BRANCH) return { status: "branch", unit };
  const target = { unitId: unit.id, ancestors: ancestorsIn(new Map(units.map((u) => [u.id, u.parentId])), unit.id), delegated: false };
  if (!may(actor, Action.SET_TOTALS, target)) return { status: "not-allowed", unit };
  if (choice === undefined) {
    const { mode, setAt } = await totalsChoiceOf(deps.db, unit.id, units);
    return { status: "shown", unit, mode, from: setAt === null ? null : { id: setAt, name: units.find((u) => u.id === setAt)?.name ?? "" } };
  }
  if (choice === "bad") return { status: "bad-word", unit };
  const { changed } = await setTotalsMode(deps.db, { unitId: unit.id, unitCode: unit.code, unitName: unit.name, mode: choice, actorId: actor.telegramId, now: deps.clock() });
  return { status: "set", unit, mode: choice, changed };
}
