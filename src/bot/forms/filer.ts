// Who is filing a form, and for which branch: the first step of /baocao and /bienban,
// asked again at send (src/usecases/filing.ts answers both).
import type { Refusal } from "../../domain/access.js";
import { openFiling, refusalToFile } from "../../usecases/filing.js";
import type { AppDeps } from "../context.js";
import type { KnownActors } from "../middleware/actor.js";
import { unitQuestion } from "./questions.js";
import type { FormSession } from "./session.js";

export interface Filer {
  userId: number;
  unit: { id: number; name: string };
}

/**
 * Undefined, after saying so, when the person files for no branch. `actors`: the roles this update
 * was checked with (middleware/actor.ts), so that opening the form does not read them again.
 */
export async function whoFiles(form: FormSession, deps: AppDeps, actors?: KnownActors): Promise<Filer | undefined> {
  const who = await form.external(() => openFiling(deps, form.userId, actors?.of(form.userId)));
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
 * Asked again at send, before anything else is asked (a correction's reason): a
 * deputy's hand-over may have been taken back, or the role removed, while the
 * form was open. False, after saying why, when the person may no longer file.
 * The use case checks the same again in the transaction that stores the version.
 */
export async function stillFiles(form: FormSession, deps: AppDeps, unit: { id: number; name: string }): Promise<boolean> {
  // `true` when they may file: what forms recorded here before refusals had a reason, so a form left open by older code replays.
  const why = await form.external(async (): Promise<Refusal | true> => (await refusalToFile(deps, form.userId, unit.id)) ?? true);
  if (why === true) return true;
  await form.finish(refusalText(form, why, unit));
  return false;
}

export function refusalText(form: FormSession, why: Refusal, unit: { name: string }): string {
  if (why === "not-delegated") return form.t("refuse-deputy-not-delegated", { unit: unit.name });
  return form.t("refuse-no-longer-files", { unit: unit.name });
}
