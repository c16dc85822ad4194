// `npm run thu`: the try-out on this machine, no token and no network. Prints
// one line with the page's address; Ctrl+C stops everything and keeps the data
// (./data/thu-nghiem.db and thu-nghiem.json) for the next run.
import { Tryout } from "./runtime.js";
import type { Month } from "./sample/story.js";

const DEFAULT_PORT = 8090;

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** THU_NGHIEM_THANG=11/2026 opens the try-out in that month (the sample is the three before it). */
function openingMonth(value: string | undefined): Month | undefined {
  if (!value) return undefined;
  const m = value.trim().match(/^(\d{1,2})\/(\d{4})$/);
  const month = Number(m?.[1]);
  if (!m || month < 1 || month > 12) fail(`Không khởi động được: THU_NGHIEM_THANG phải có dạng tháng/năm, ví dụ 11/2026.`);
  return { year: Number(m[2]), month };
}

const port = process.env.THU_NGHIEM_PORT === undefined ? DEFAULT_PORT : Number(process.env.THU_NGHIEM_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail("Không khởi động được: THU_NGHIEM_PORT phải là số cổng từ 0 đến 65535.");
const opening = openingMonth(process.env.THU_NGHIEM_THANG);

const tryout = await Tryout.start({ dataDir: process.env.THU_NGHIEM_DATA || "./data", port, ...(opening ? { opening } : {}) });
process.stdout.write(`Bản dùng thử đang chạy: mở ${tryout.url} trong trình duyệt (không cần Telegram, không cần mạng; Ctrl+C để dừng).\n`);
tryout.ready.catch(() => {
  const s = tryout.status;
  fail(`Không dựng được dữ liệu mẫu: ${s.kind === "failed" ? s.reason : "lỗi không rõ"}. Xem nhật ký trong thư mục dữ liệu (thu-nghiem.log).`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    // A stuck stop must not hold the terminal.
    setTimeout(() => process.exit(1), 10_000).unref();
    tryout.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
