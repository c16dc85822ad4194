// Runs the bot as its own process, exactly as `npm start` does (node --import tsx src/main.ts),
// and follows its JSON log lines to know when an update has been handled.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX_LOADER = join(ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const MAIN = join(ROOT, "src", "main.ts");

export class BotProcess {
  readonly stdout: string[] = [];
  stderr = "";
  readonly exited: Promise<number | null>;
  private handled = new Set<number>();
  private listeners: (() => void)[] = [];
  private proc: ChildProcess;

  /** `as`: another user to run the bot as (a test run by root cannot otherwise meet a folder it may not write). */
  constructor(env: Record<string, string>, cwd: string, as?: { uid: number; gid: number }) {
    this.proc = spawn(process.execPath, ["--import", pathToFileURL(TSX_LOADER).href, MAIN], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      ...as,
    });
    let partial = "";
    this.proc.stdout!.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop()!;
      for (const line of lines) {
        this.stdout.push(line);
        try {
          const entry = JSON.parse(line) as { msg?: string; update_id?: number };
          if (entry.msg === "update" && entry.update_id !== undefined) this.handled.add(entry.update_id);
        } catch {
          /* not a log line */
        }
        for (const l of this.listeners.splice(0)) l();
      }
    });
    this.proc.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exited = new Promise((resolve) => this.proc.on("exit", (code) => resolve(code)));
  }

  async waitFor(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}; stdout tail: ${this.stdout.slice(-5).join("\n")}`);
      await new Promise<void>((resolve) => {
        this.listeners.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  started(): Promise<void> {
    return this.waitFor(() => this.stdout.some((l) => l.includes('"bot started"')), "start-up");
  }

  waitHandled(updateId: number): Promise<void> {
    return this.waitFor(() => this.handled.has(updateId), `update ${updateId}`);
  }

  kill(signal: NodeJS.Signals): void {
    this.proc.kill(signal);
  }
}
