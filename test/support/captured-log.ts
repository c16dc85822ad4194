// The bot's log lines kept in memory, for tests that check what is logged.
import { createLogger, type Logger } from "../../src/log.js";

export interface LogLine {
  level: number;
  msg?: string;
  err?: Record<string, any>;
  [field: string]: unknown;
}

export class CapturedLog {
  /** Each line as written, before parsing: what an operator's log file would hold. */
  readonly raw: string[] = [];
  readonly logger: Logger;

  constructor(level = "debug") {
    this.logger = createLogger(level, { write: (line: string) => void this.raw.push(line) });
  }

  get lines(): LogLine[] {
    return this.raw.map((l) => JSON.parse(l) as LogLine);
  }

  /** All of it as one text, to look for what must never be there. */
  get text(): string {
    return this.raw.join("");
  }

  find(predicate: (line: LogLine) => boolean): LogLine | undefined {
    return this.lines.find(predicate);
  }

  async waitFor(what: string, predicate: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.find(predicate);
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`no log line for ${what} within ${timeoutMs} ms; the log:\n${this.text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
