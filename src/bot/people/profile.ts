// Họ và tên, chức vụ: asked once on joining (or at a /start with a role and no name), changed
// with /hoso. Never in the way: a command or another message's button typed meanwhile ends
// the form and is handled as usual, and "Để sau" leaves the Telegram name in use.
import { Composer } from "grammy";
import { checkFullName, checkPosition, FULL_NAME_MAX, personName, POSITION_MAX } from "../../domain/people.js";
import { loadProfile, saveProfile } from "../../store/users.js";
import { hasAnyRole } from "../../domain/access.js";
import type { Translate } from "../../i18n.js";
import type { AppDeps, BotContext, FormContext, FormConversation } from "../context.js";
import { FormSession, type Parsed, type Question } from "../forms/session.js";

export const PROFILE_FORM = "profile";

/** How the form opens: `intro` goes above the first question (the welcome of a new role). */
export interface ProfileOpening {
  intro?: string;
}

const LATER = "later";
const KEEP = "keep";
const NONE = "none";

/** A typed answer checked by `check`, or the one button the question offers. */
function profileQuestion(
  t: Translate,
  text: string,
  choice: { label: string; value: string },
  check: (typed: string) => { ok: true; value: string } | { ok: false; error: string },
): Question<string> {
  return {
    text,
    buttons: [[choice]],
    leaveOnOther: true,
    parse(answer): Parsed<string> {
      if ("choice" in answer) return answer.choice === choice.value ? { ok: true, value: choice.value, shown: choice.label } : { ok: false, error: t("form-stale-button") };
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      const r = check(answer.text);
      return r.ok ? { ok: true, value: r.value, shown: r.value } : r;
    },
  };
}

function nameQuestion(t: Translate, text: string, choice: { label: string; value: string }): Question<string> {
  return profileQuestion(t, text, choice, (typed) => {
    const r = checkFullName(typed);
    return r.ok ? { ok: true, value: r.name } : { ok: false, error: t(`profile-name-${r.problem}`, { max: FULL_NAME_MAX }) };
  });
}

function positionQuestion(t: Translate, text: string, choice: { label: string; value: string }): Question<string> {
  return profileQuestion(t, text, choice, (typed) => {
    const r = checkPosition(typed);
    return r.ok ? { ok: true, value: r.position } : { ok: false, error: t(`profile-position-${r.problem}`, { max: POSITION_MAX }) };
  });
}

export function createProfileForm(deps: AppDeps) {
  return async function profile(conversation: FormConversation, ctx: FormContext, opening: ProfileOpening = {}) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);
    const person = { id: ctx.from!.id, first_name: ctx.from!.first_name, ...(ctx.from!.last_name ? { last_name: ctx.from!.last_name } : {}) };
    const telegramName = personName({ firstName: person.first_name, lastName: person.last_name ?? null });
    const current = await form.external(() => loadProfile(deps.db, person.id));
    const intro = opening.intro ? `${opening.intro}\n\n` : "";

    const name = await form.ask(
      current?.fullName
        ? nameQuestion(t, `${intro}${t("profile-ask-name-again", { name: current.fullName })}`, { label: t("profile-button-keep"), value: KEEP })
        : nameQuestion(t, `${intro}${t("profile-ask-name")}`, { label: t("profile-button-later"), value: LATER }),
    );
    if (name === LATER) return form.finish(t("profile-later", { name: telegramName }));
    const fullName = name === KEEP ? current!.fullName! : name;
    const position = await form.ask(
      current?.position
        ? positionQuestion(t, t("profile-ask-position-again", { position: current.position }), { label: t("profile-button-keep"), value: KEEP })
        : positionQuestion(t, t("profile-ask-position"), { label: t("profile-button-none"), value: NONE }),
    );
    const kept = position === KEEP ? current!.position : position === NONE ? null : position;
    await form.external(() => saveProfile(deps.db, person, { fullName, position: kept }, deps.clock()));
    return form.finish(t("profile-saved", { title: kept ? `${fullName} (${kept})` : fullName }));
  };
}

/** /hoso: anyone with a role (strangers are refused before this). */
export function profileFeature() {
  const composer = new Composer<BotContext>();
  composer.command("hoso", async (ctx) => {
    if (!hasAnyRole(ctx.actor)) return;
    await ctx.conversation.enter(PROFILE_FORM, {} satisfies ProfileOpening);
  });
  return composer;
}
