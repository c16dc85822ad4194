// The layers of src/ (README, "For contributors"): each decision in one place
// holds only while imports go one way. This fails on a new import cycle, on an
// import from a lower layer to a higher one, and on a file over 300 lines.
//
//   domain ← store ← usecases ← bot / jobs        (arrows: "is imported by")
//   outbox beside store: usecases and jobs queue and claim through it
//   messages, export, chart: presentation from plain data, for bot and jobs alike
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, test } from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");
const MAX_LINES = 300;

/** What each folder (or root file) of src/ may import besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  // Settings, logging and the database client are the ground everything stands on.
  config: ["domain"],
  "safe-error": [],
  log: ["safe-error"],
  i18n: [],
  "telegram-errors": [],
  db: ["domain"],
  messages: ["domain", "i18n", "chart", "export"],
  export: ["domain"],
  chart: ["domain"],
  store: ["domain", "db", "log"],
  outbox: ["domain", "db", "store", "messages", "i18n"],
  usecases: ["domain", "db", "store", "outbox", "config", "log"],
  startup: ["domain", "db", "store", "log", "i18n"],
  server: ["log"],
  jobs: ["domain", "db", "store", "outbox", "messages", "i18n", "log", "safe-error", "telegram-errors"],
  bot: ["domain", "db", "store", "outbox", "usecases", "messages", "export", "chart", "i18n", "log", "config", "startup", "safe-error", "telegram-errors"],
  app: ["*"],
  main: ["*"],
  tools: ["config", "db", "i18n", "domain"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith("generated") ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => relative(SRC, path));
const layerOf = (file: string) => file.split("/")[0]!.replace(/\.ts$/, "");

/** The files of src/ a file imports (type-only imports count: they tie the layers as much). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
    const target = normalize(join(dirname(file), (m[1] ?? m[2])!)).replace(/\.js$/, ".ts");
    if (files.includes(target)) out.push(target);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Strongly connected groups of more than one file (Tarjan): each is an import cycle. */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)!) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}

describe("the layers of src/", () => {
  test("every file belongs to a known layer", () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...new Set(files.map(layerOf))].filter((l) => !(l in MAY_IMPORT))).toEqual([]);
  });

  test("no import cycle", () => {
    expect(cycles()).toEqual([]);
  });

  test("no import from a lower layer to a higher one", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const allowed = MAY_IMPORT[layerOf(file)] ?? [];
      for (const t of targets) {
        const to = layerOf(t);
        if (to !== layerOf(file) && !allowed.includes("*") && !allowed.includes(to)) wrong.push(`${file} -> ${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test(`no file over ${MAX_LINES} lines`, () => {
    const long = files.filter((f) => readFileSync(join(SRC, f), "utf8").split("\n").length - 1 > MAX_LINES);
    expect(long).toEqual([]);
  });

  test("the import reading finds what a file imports", () => {
    // The rules above are only as good as it: a file's imports, type-only ones included, are seen.
    expect(graph.get("store/reports.ts")).toEqual(expect.arrayContaining(["store/users.ts", "store/report-columns.ts", "db/client.ts"]));
  });
});
