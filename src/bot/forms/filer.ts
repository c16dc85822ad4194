// Who is filing a form, and for which branch: the first step of /baocao and /bienban.
import { filingUnits } from "../../domain/delegation.js";
import { todayIn } from "../../domain/meeting.js";
import { delegatedUnitIds } from "../../store/delegations.js";
import { findUserId, loadActor } from "../../store/users.js";
import type { AppDeps } from "../context.js";
import { unitQuestion } from "./questions.js";
import type { FormSession } from "./session.js";

export interface Filer {
  userId: number;
  unit: { id: number; name: string };
}

/** Undefined, after saying so, when the person files for no branch. */
export async function whoFiles(form: FormSession, deps: AppDeps): Promise<Filer | undefined> {
  const who = await form.external(async () => {
    const actor = await loadActor(deps.db, form.userId, deps.config.ADMIN_IDS);
    // A deputy files only while the secretary has handed over (/uyquyen) or is away (/nghi).
    const { may, waiting } = filingUnits(actor, await delegatedUnitIds(deps.db, todayIn(deps.clock(), deps.config.TZ)));
    return {
      userId: await findUserId(deps.db, form.userId),
      units: may.map((m) => ({ id: m.unitId, name: m.unitName })),
      waiting: waiting.map((m) => m.unitName),
    };
  });
  if (who.userId === undefined || who.units.length === 0) {
    await form.finish(
      who.waiting.length > 0 ? form.t("refuse-deputy-not-delegated", { unit: who.waiting.join(", ") }) : form.t("refuse-secretary-only"),
    );
    return undefined;
  }
  if (who.units.length === 1) return { userId: who.userId, unit: who.units[0]! };
  const id = await form.ask(unitQuestion(form.t.bind(form), who.units));
  return { userId: who.userId, unit: who.units.find((u) => String(u.id) === id)! };
}

/**
 * Asked again at send: a deputy's hand-over may have been taken back while the
 * form was open. False, after saying so, when the person may no longer file.
 */
export async function stillFiles(form: FormSession, deps: AppDeps, unit: { id: number; name: string }): Promise<boolean> {
  const ok = await form.external(async () => {
    const actor = await loadActor(deps.db, form.userId, deps.config.ADMIN_IDS);
    const { may } = filingUnits(actor, await delegatedUnitIds(deps.db, todayIn(deps.clock(), deps.config.TZ), unit.id));
    return may.some((m) => m.unitId === unit.id);
  });
  if (!ok) await form.finish(form.t("refuse-deputy-not-delegated", { unit: unit.name }));
  return ok;
}
