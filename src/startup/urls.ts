// What the start-up lines may show of an address: never a password.
import { sqlitePath } from "../db/client.js";

/**
 * Drops the user:password@ of every URL in the text (a DATABASE_URL, a proxy in
 * TELEGRAM_API_ROOT), up to the last @ of the authority: a password with a raw @ in it goes too.
 */
export function hideCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi, "$1");
}

/**
 * Where the database is, for a person to recognise: the file of SQLite, or
 * host:port/name of PostgreSQL (no user, no password, no query).
 */
export function databasePlace(url: string): string {
  if (url.startsWith("file:")) return sqlitePath(url);
  try {
    const u = new URL(url);
    // postgresql:///chibo?host=/run/postgresql: the socket's folder stands for the host.
    const host = u.host || u.searchParams.get("host") || "localhost";
    return `${host}${u.pathname.length > 1 ? u.pathname : ""}`;
  } catch {
    return hideCredentials(url).replace(/\?.*$/, "");
  }
}

/** The password of the URL as written and decoded: neither may reach a line. */
export function passwordsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return [password, decodeURIComponent(password)];
  } catch {
    return [];
  }
}
