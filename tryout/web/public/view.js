// How one message is drawn, Telegram-like: a bubble with the sender (in a
// group), a photo or a file to download, the text with its line breaks, the
// time, and the inline keyboard under it.

export const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c !== undefined && c !== null) node.append(c);
  return node;
};

const sizeText = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** `press(messageId, data, keyboard)` is called when one of its buttons is pressed. */
export function messageRow(m, press) {
  const row = el("div", { className: `row ${m.from === "me" ? "me" : "them"}` });
  row.dataset.id = String(m.id);
  row.dataset.from = m.from;
  const bubble = el("div", { className: "bubble" });
  if (m.from === "other") bubble.append(el("div", { className: "sender", textContent: m.sender }));
  if (m.photo) {
    const img = el("img", { src: m.photo, alt: m.text || "Ảnh" });
    img.addEventListener("click", () => window.open(m.photo, "_blank"));
    bubble.append(img);
  }
  if (m.document) {
    const size = sizeText(m.document.size);
    bubble.append(
      el("a", { className: "doc", href: m.document.url, download: m.document.name }, el("span", { className: "icon-doc", textContent: "📄" }), el("span", {}, el("b", { textContent: m.document.name }), el("br"), `${size} · Tải về`)),
    );
  }
  if (m.text) bubble.append(el("div", { className: "text", textContent: m.text }));
  bubble.append(el("div", { className: "meta", textContent: `${m.edited ? "đã sửa · " : ""}${m.time.slice(0, 5)}` }));
  row.append(bubble);
  if (m.buttons && m.buttons.length > 0) {
    const kb = el("div", { className: "keyboard" });
    for (const line of m.buttons) {
      const krow = el("div", { className: "krow" });
      for (const b of line) {
        if (b.url) krow.append(el("a", { href: b.url, target: "_blank", rel: "noopener", textContent: `${b.text} ↗` }));
        else {
          const button = el("button", { type: "button", textContent: b.text });
          button.addEventListener("click", () => press(m.id, b.data, kb));
          krow.append(button);
        }
      }
      kb.append(krow);
    }
    row.append(kb);
  }
  return row;
}
