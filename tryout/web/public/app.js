// The try-out page: a chat like Telegram's for whoever is picked on the left,
// the bot's clock on the right. It only talks to the try-out's own JSON API
// (tryout/web/api.ts); nothing is fetched from the internet.
import { el, messageRow } from "./view.js";

const $ = (selector) => document.querySelector(selector);

let rev = 0;
let state = null;
let current = null;
let chat = null;
/** Per person: how many of the bot's messages were on screen when last looked at (for the red numbers). */
const seen = {};
/** Per person: the last button answer (toast) already shown. */
const toastsShown = {};
let lastStatus = null;

async function api(path, options = {}) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `Lỗi ${res.status}`);
  return body;
}

const postJson = (path, body) => api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function follow() {
  for (;;) {
    try {
      apply(await api(`/api/state?since=${rev}`));
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function apply(s) {
  const first = state === null;
  const statusChanged = lastStatus !== s.status.kind;
  rev = s.rev;
  state = s;
  lastStatus = s.status.kind;
  if (first || (statusChanged && s.status.kind === "ready")) {
    // Everything on screen now counts as read: only what arrives from here on is marked.
    for (const i of s.identities) seen[i.key] = i.botCount;
  }
  if (first) {
    const wanted = location.hash.slice(1);
    select(s.identities.some((i) => i.key === wanted) ? wanted : "cb-vp-bithu");
  }
  renderPeople();
  renderClock();
  renderStatus();
  const mine = s.identities.find((i) => i.key === current);
  if (mine && (!chat || chat.key !== current || chat.rev !== mine.rev)) loadChat();
}

function renderPeople() {
  const nav = $("#people");
  nav.replaceChildren();
  let section = null;
  for (const i of state.identities) {
    if (i.section !== section) {
      section = i.section;
      nav.append(el("div", { className: "section", textContent: section }));
    }
    // The chat on screen is being read: no number beside it.
    const unread = i.key === current ? 0 : Math.max(0, i.botCount - (seen[i.key] ?? i.botCount));
    const button = el(
      "button",
      { type: "button", className: "person", title: `${i.role}: ${i.name}` },
      el("span", { className: "label" }, el("b", { textContent: i.role }), el("span", { className: "sub", textContent: i.name })),
      unread > 0 ? el("span", { className: "badge", textContent: String(unread) }) : null,
    );
    button.dataset.key = i.key;
    if (i.key === current) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => select(i.key));
    nav.append(button);
  }
}

/** The bot's clock runs between two answers of the server: shown from this offset to the browser's. */
let clockOffset = 0;
const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

function showTime() {
  // Vietnam is UTC+7 all year.
  const d = new Date(Date.now() + clockOffset + 7 * 3_600_000);
  const two = (n) => String(n).padStart(2, "0");
  $("#clock-time").textContent = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  $("#clock-day").textContent = `${WEEKDAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
setInterval(() => state && showTime(), 1000);

function renderClock() {
  clockOffset = new Date(state.clock.at).getTime() - Date.now();
  showTime();
  const box = $("#targets");
  box.replaceChildren();
  for (const t of state.targets) {
    const b = el("button", { type: "button" }, el("b", { textContent: t.label }), el("span", { className: "sub", textContent: [t.at, t.about].filter(Boolean).join(" · ") }));
    b.dataset.to = t.key;
    b.addEventListener("click", () => moveClock(t.key, b));
    box.append(b);
  }
}

function renderStatus() {
  const s = state.status;
  document.body.dataset.status = s.kind;
  $("#overlay").hidden = s.kind === "ready";
  $("#overlay-text").textContent =
    s.kind === "failed" ? `Không dựng được dữ liệu mẫu: ${s.reason}` : "⏳ Bot đang dựng dữ liệu mẫu: quản trị viên lập chi bộ, mời bí thư, các chi bộ gửi báo cáo ba tháng… (vài giây)";
}

function select(key) {
  current = key;
  if (location.hash.slice(1) !== key) history.replaceState(null, "", `#${key}`);
  const i = state.identities.find((x) => x.key === key);
  if (i) seen[key] = i.botCount;
  chat = null;
  $("#menu").hidden = true;
  renderPeople();
  loadChat();
}

let loading = null;
async function loadChat() {
  const key = current;
  // One load at a time; a change during it loads again afterwards.
  if (loading) return void (loading.again = true);
  loading = { again: false };
  try {
    const c = await api(`/api/chats/${key}/messages`);
    if (key !== current) return;
    const atBottom = !chat || chat.key !== key || isAtBottom();
    const shownBefore = toastsShown[key];
    chat = c;
    seen[key] = c.messages.filter((m) => m.from === "bot").length;
    renderChat(atBottom);
    renderPeople();
    const newest = c.toasts.at(-1);
    if (shownBefore === undefined) toastsShown[key] = newest ? newest.n : -1;
    else if (newest && newest.n > shownBefore) {
      toastsShown[key] = newest.n;
      toast(newest.text, newest.alert);
    }
  } catch (e) {
    toast(e.message);
  } finally {
    const again = loading.again;
    loading = null;
    if (again || key !== current) loadChat();
  }
}

function isAtBottom() {
  const m = $("#messages");
  return m.scrollHeight - m.scrollTop - m.clientHeight < 40;
}

function renderChat(scrollDown) {
  $("#chat-title").textContent = chat.title;
  $("#chat-role").textContent = chat.group ? `${chat.role} · đồng chí gõ với tư cách cấp ủy viên` : chat.role;
  const words = chat.title.split(" ");
  $("#avatar").textContent = (words[0][0] + (words.length > 1 ? words.at(-1)[0] : "")).toUpperCase();
  const box = $("#messages");
  box.replaceChildren();
  let day = null;
  for (const m of chat.messages) {
    const d = m.time.slice(6);
    if (d && d !== day) {
      day = d;
      box.append(el("div", { className: "day" }, el("span", { textContent: d })));
    }
    box.append(messageRow(m, press));
  }
  if (chat.messages.length === 0) box.append(el("div", { className: "day" }, el("span", { textContent: "Chưa có tin nhắn. Gõ /start hoặc /trogiup." })));
  if (!scrollDown) return;
  box.scrollTop = box.scrollHeight;
  // A photo grows the chat once it has loaded: stay at the newest message.
  for (const img of box.querySelectorAll("img")) if (!img.complete) img.addEventListener("load", () => (box.scrollTop = box.scrollHeight), { once: true });
}

async function press(messageId, data, keyboard) {
  for (const b of keyboard.querySelectorAll("button")) b.disabled = true;
  try {
    await postJson(`/api/chats/${current}/press`, { message_id: messageId, data });
  } catch (e) {
    toast(e.message);
    for (const b of keyboard.querySelectorAll("button")) b.disabled = false;
  }
}

async function sendText(text) {
  try {
    await postJson(`/api/chats/${current}/send`, { text });
    return true;
  } catch (e) {
    toast(e.message);
    return false;
  }
}

async function sendFile(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  const caption = $("#text").value.trim();
  if (caption) form.append("caption", caption);
  try {
    await api(`/api/chats/${current}/upload`, { method: "POST", body: form });
    $("#text").value = "";
  } catch (e) {
    toast(e.message);
  }
}

async function moveClock(to, button) {
  button.disabled = true;
  $("#clock-result").textContent = "";
  try {
    const r = await postJson("/api/clock", { to });
    $("#clock-result").textContent =
      r.sent > 0 ? `Giờ của bot: ${r.label}. Bot đã gửi tin theo lịch tới ${r.sent} cuộc trò chuyện (số đỏ cạnh tên).` : `Giờ của bot: ${r.label}. Không có tin nào đến lịch gửi.`;
  } catch (e) {
    toast(e.message);
  } finally {
    button.disabled = false;
  }
}

let toastTimer = null;
function toast(text, alert = false) {
  const t = $("#toast");
  t.textContent = text;
  t.className = alert ? "toast alert" : "toast";
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), alert ? 5000 : 2500);
}

function showMenu() {
  const menu = $("#menu");
  if (!menu.hidden || !chat) return void (menu.hidden = true);
  menu.replaceChildren();
  if (chat.menu.length === 0) menu.append(el("div", { className: "sub", textContent: "Bot chưa đặt lệnh nào cho cuộc trò chuyện này." }));
  for (const c of chat.menu) {
    const b = el("button", { type: "button" }, el("b", { textContent: `/${c.command}` }), c.description);
    b.addEventListener("click", () => {
      menu.hidden = true;
      sendText(`/${c.command}`);
    });
    menu.append(b);
  }
  menu.hidden = false;
}

$("#composer").addEventListener("submit", async (e) => {
  e.preventDefault();
  const box = $("#text");
  const text = box.value;
  if (!text.trim()) return;
  if (await sendText(text)) box.value = "";
  box.focus();
});
$("#text").addEventListener("keydown", (e) => {
  // Enter sends, as in Telegram; Shift+Enter starts a new line.
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    $("#composer").requestSubmit();
  }
});
$("#attach").addEventListener("click", () => $("#file").click());
$("#file").addEventListener("change", () => {
  const f = $("#file").files[0];
  $("#file").value = "";
  if (f) sendFile(f);
});
$("#menu-button").addEventListener("click", showMenu);
$("#reset").addEventListener("click", async () => {
  if (!confirm("Xóa mọi thay đổi trong bản dùng thử và dựng lại dữ liệu mẫu từ đầu?")) return;
  try {
    await postJson("/api/reset", {});
  } catch (e) {
    toast(e.message);
  }
});
window.addEventListener("hashchange", () => {
  const key = location.hash.slice(1);
  if (state && key !== current && state.identities.some((i) => i.key === key)) select(key);
});

follow();
