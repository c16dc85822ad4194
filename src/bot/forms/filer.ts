// Who is filing a form, and for which branch: the first step of /baocao and /bienban.
import { reportingUnits } from "../../domain/roles.js";
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
    return {
      userId: await findUserId(deps.db, form.userId),
      units: reportingUnits(actor).map((m) => ({ id: m.unitId, name: m.unitName })),
    };
  });
  if (who.userId === undefined || who.units.length === 0) {
    await form.say(form.t("refuse-secretary-only"));
    return undefined;
  }
  if (who.units.length === 1) return { userId: who.userId, unit: who.units[0]! };
  const id = await form.ask(unitQuestion(form.t.bind(form), who.units));
  return { userId: who.userId, unit: who.units.find((u) => String(u.id) === id)! };
}
