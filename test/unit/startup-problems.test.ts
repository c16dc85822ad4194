// The start-up lines' pieces: the reason kept from an error, addresses without
// passwords, and the database problems the process tests cannot all stage.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProblem } from "../../src/startup/database-problem.js";
import { errorDetail, meaningfulLine, startupLine } from "../../src/startup/problems.js";
import { databasePlace, hideCredentials } from "../../src/startup/urls.js";
import { createI18n, translator } from "../../src/i18n.js";

const t = translator(createI18n());

/** An error shaped as Prisma's over a driver adapter (code, meta.driverAdapterError.cause). */
function prismaError(message: string, code: string, cause: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
}

describe("meaningfulLine", () => {
  it("keeps Prisma's reason, not the empty first line nor the invocation header", () => {
    expect(meaningfulLine("\nInvalid `prisma.$queryRawUnsafe()` invocation:\n\n\nunable to open database file")).toBe("unable to open database file");
  });

  it("keeps the first line of any other error", () => {
    expect(meaningfulLine("EADDRINUSE: address already in use 0.0.0.0:8080\n    at Server.setupListenHandle")).toBe("EADDRINUSE: address already in use 0.0.0.0:8080");
  });
});

describe("errorDetail", () => {
  it("shows no password of a URL and none of the secrets it is given, in at most 200 characters", () => {
    const token = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
    const detail = errorDetail(new Error(`request to http://127.0.0.1/bot${token}/getMe failed via postgresql://bot:pw-1@db:5432/chibo ${"x".repeat(300)}`), [token]);
    expect(detail).toMatch(/^request to http:\/\/127\.0\.0\.1\/bot\*\*\*\/getMe failed via postgresql:\/\/db:5432\/chibo x+$/);
    expect(detail).toHaveLength(200);
  });
});

describe("hideCredentials and databasePlace", () => {
  it("drop user and password, even a password with a raw @ in it", () => {
    expect(hideCredentials("http://user:p@ss@proxy.vn:3128/x")).toBe("http://proxy.vn:3128/x");
    expect(hideCredentials("https://api.telegram.org")).toBe("https://api.telegram.org");
  });

  it("name the SQLite file, or PostgreSQL's host:port/database without user, password or query", () => {
    expect(databasePlace("file:./data/tro-ly-chi-bo.db")).toBe(resolve("data/tro-ly-chi-bo.db"));
    expect(databasePlace("postgresql://bot:matkhau@db.vn:5433/chibo?schema=s1")).toBe("db.vn:5433/chibo");
    expect(databasePlace("postgres://bot:matkhau@db.vn/chibo")).toBe("db.vn/chibo");
  });
});

describe("databaseProblem: the line for each reason", () => {
  const dir = mkdtempSync(join(tmpdir(), "chibo-dbproblem-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const line = (err: unknown, url: string) => startupLine(t, databaseProblem(err, url));

  it("a PostgreSQL database that does not exist on the server", () => {
    const err = prismaError("Database `chibo` does not exist on the database server", "P1003", { kind: "DatabaseDoesNotExist", db: "chibo" });
    expect(line(err, "postgresql://bot:matkhau@db.vn:5432/chibo")).toBe(
      "Không khởi động được: không mở được cơ sở dữ liệu PostgreSQL: máy chủ không có cơ sở dữ liệu tên chibo. Kiểm tra DATABASE_URL.",
    );
  });

  it("a wrong PostgreSQL user or password: the server named, not the password", () => {
    const err = prismaError("Authentication failed against database server, the provided database credentials for `bot` are not valid.", "P1000", {
      kind: "AuthenticationFailed",
      user: "bot",
    });
    expect(line(err, "postgresql://bot:matkhau@db.vn:5432/chibo")).toBe(
      "Không khởi động được: không mở được cơ sở dữ liệu PostgreSQL: máy chủ db.vn:5432/chibo từ chối tên đăng nhập hoặc mật khẩu. Kiểm tra DATABASE_URL.",
    );
  });

  it("a file that is not a SQLite database", () => {
    const path = join(dir, "notes.txt");
    writeFileSync(path, "not a database, just some text that is long enough to have a header");
    const err = prismaError("\nInvalid `prisma.$queryRawUnsafe()` invocation:\n\n\nRaw query failed. Code: `SQLITE_NOTADB`. Message: `file is not a database`", "P2010", {
      kind: "sqlite",
      originalCode: "SQLITE_NOTADB",
    });
    expect(line(err, `file:${path}`)).toBe(`Không khởi động được: không mở được cơ sở dữ liệu SQLite: tệp ${path} không phải tệp SQLite. Kiểm tra DATABASE_URL.`);
  });

  it("an error with no sentence of ours: Prisma's own reason, without the password", () => {
    const err = prismaError("\nInvalid `prisma.$transaction()` invocation:\n\n\nToo many connections for postgresql://bot:matkhau@db.vn/chibo", "P2037", { kind: "TooManyConnections" });
    const shown = line(err, "postgresql://bot:matkhau@db.vn:5432/chibo");
    expect(shown).toBe("Không khởi động được: không mở được cơ sở dữ liệu PostgreSQL: Too many connections for postgresql://db.vn/chibo. Kiểm tra DATABASE_URL.");
  });
});
