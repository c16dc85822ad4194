// Finds the translation calls in the TypeScript sources: t("key"), ctx.t("key"),
// form.t(...), i18n.t(LOCALE, "key"), and reports the key argument of each as
// written (a string literal, a template literal, a ternary of literals, or an
// expression the caller must account for).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export type KeyArgument =
  | { kind: "literal"; keys: string[] }
  | { kind: "template"; template: string }
  | { kind: "expression"; text: string };

export interface TranslationCall {
  /** Absolute path. */
  path: string;
  file: string;
  line: number;
  offset: number;
  callee: string;
  argument: KeyArgument;
}

/**
 * Replaces comments by spaces (keeping offsets and line numbers), leaving
 * strings and templates intact; `literal[i]` is 1 where character i is the
 * text of a string or template literal (not code inside `${...}`).
 */
export function scanSource(src: string): { code: string; literal: Uint8Array } {
  const out = src.split("");
  const literal = new Uint8Array(src.length);
  let i = 0;
  const templateDepth: number[] = []; // brace depth at which each open ${ ... } returns to its template
  let braces = 0;
  const skipString = (quote: string) => {
    const start = i;
    for (i++; i < src.length && src[i] !== quote && src[i] !== "\n"; i++) if (src[i] === "\\") i++;
    i++;
    literal.fill(1, start, Math.min(i, src.length));
  };
  const skipTemplate = () => {
    // i is just past a ` or a } that closes ${...}
    const start = i - 1;
    for (; i < src.length; i++) {
      if (src[i] === "\\") i++;
      else if (src[i] === "`") {
        i++;
        break;
      } else if (src[i] === "$" && src[i + 1] === "{") {
        i += 2;
        templateDepth.push(braces);
        braces++;
        break;
      }
    }
    literal.fill(1, start, Math.min(i, src.length));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") out[i++] = " ";
    } else if (c === "/" && src[i + 1] === "*") {
      while (i < src.length && !(src[i] === "*" && src[i + 1] === "/")) {
        if (src[i] !== "\n") out[i] = " ";
        i++;
      }
      if (i < src.length) out[i] = out[i + 1] = " ";
      i += 2;
    } else if (c === '"' || c === "'") {
      skipString(c);
    } else if (c === "`") {
      i++;
      skipTemplate();
    } else if (c === "{") {
      braces++;
      i++;
    } else if (c === "}") {
      braces--;
      i++;
      if (templateDepth.length && templateDepth[templateDepth.length - 1] === braces) {
        templateDepth.pop();
        skipTemplate();
      }
    } else {
      i++;
    }
  }
  return { code: out.join(""), literal };
}

export function blankComments(src: string): string {
  return scanSource(src).code;
}

/** The top-level, comma-separated arguments of the call whose "(" is at `open`. */
export function callArguments(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'") {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === "\\") i++;
    } else if (c === "`") {
      let inner = 0;
      for (i++; i < src.length; i++) {
        if (src[i] === "\\") i++;
        else if (src[i] === "$" && src[i + 1] === "{") {
          inner++;
          i++;
        }
        else if (src[i] === "}" && inner > 0) inner--;
        else if (src[i] === "`" && inner === 0) break;
      }
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        // `t()` or a trailing comma leaves an empty last argument.
        if (args[args.length - 1] === "") args.pop();
        return args;
      }
    } else if (c === "," && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`Unclosed call at offset ${open}`);
}

const STRING = /^"([^"\\]*)"$|^'([^'\\]*)'$/;

export function classifyKeyArgument(text: string): KeyArgument {
  const literal = text.match(STRING);
  if (literal) return { kind: "literal", keys: [literal[1] ?? literal[2]!] };
  if (/^`[^`]*`$/.test(text)) {
    return text.includes("${") ? { kind: "template", template: text.slice(1, -1) } : { kind: "literal", keys: [text.slice(1, -1)] };
  }
  // cond ? "a" : "b"
  const ternary = text.match(/^[^?"'`]+\?\s*("[^"]*"|'[^']*')\s*:\s*("[^"]*"|'[^']*')$/);
  if (ternary) return { kind: "literal", keys: [ternary[1]!.slice(1, -1), ternary[2]!.slice(1, -1)] };
  return { kind: "expression", text };
}

export function listSourceFiles(dir: string, exclude: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (exclude(path)) continue;
    if (e.isDirectory()) out.push(...listSourceFiles(path, exclude));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/**
 * Every call of a function or method named `t` in the files. A method
 * definition (`t(key: string, ...) {`) is not a call and is left out.
 */
export function findTranslationCalls(root: string, files: string[]): TranslationCall[] {
  const calls: TranslationCall[] = [];
  for (const path of files) {
    const { code: src, literal } = scanSource(readFileSync(path, "utf8"));
    const re = /(?<![\w$])((?:[\w$]+\s*\.\s*)*t)\s*\(/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(src))) {
      if (literal[m.index]) continue; // "t(" inside a string is text, not a call
      const callee = m[1]!.replace(/\s+/g, "");
      const open = m.index + m[0].length - 1;
      const args = callArguments(src, open);
      // `t(key: string, vars?: ...)`: a method signature, not a call.
      if (/^[\w$]+\??\s*:/.test(args[0] ?? "")) continue;
      // `function t(...)` or `t = (...) =>` are not calls either.
      if (/function\s*$/.test(src.slice(0, m.index))) continue;
      const keyArg = callee.endsWith("i18n.t") ? args[1] : args[0];
      const line = src.slice(0, m.index).split("\n").length;
      calls.push({
        path,
        file: relative(root, path).split("\\").join("/"),
        line,
        offset: m.index,
        callee,
        argument: keyArg === undefined ? { kind: "expression", text: "" } : classifyKeyArgument(keyArg),
      });
    }
  }
  return calls;
}

/**
 * String literals passed as argument `index` to calls of `name` (e.g. the keys
 * given to a helper that passes its parameter on to t). Non-literal arguments
 * are returned as `undefined` so that the caller can refuse them.
 */
export function literalArguments(files: string[], name: string, index: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const path of files) {
    const { code: src, literal } = scanSource(readFileSync(path, "utf8"));
    const re = new RegExp(`(?<![\\w$.])${name}\\s*\\(`, "g");
    let m: RegExpExecArray | null;
    while ((m = re.exec(src))) {
      if (literal[m.index]) continue;
      if (/function\s*$/.test(src.slice(0, m.index))) continue;
      const arg = callArguments(src, m.index + m[0].length - 1)[index];
      const parsed = arg === undefined ? undefined : classifyKeyArgument(arg);
      if (parsed?.kind === "literal") out.push(...parsed.keys);
      else out.push(undefined);
    }
  }
  return out;
}

/**
 * The keys a variable passed to t can hold, read from the code around the call:
 * the literals of its `const` declaration in the same file, or, for a parameter
 * of the enclosing `function f(...)`, the literals every caller of f passes in
 * that position. Undefined when it cannot tell.
 */
export function resolveIdentifier(files: string[], call: TranslationCall, name: string): string[] | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const src = blankComments(readFileSync(call.path, "utf8"));
  const before = src.slice(0, call.offset);

  const declarations = [...before.matchAll(new RegExp(`(?:const|let)\\s+${name}\\s*=([^;]*);`, "g"))];
  const declaration = declarations.at(-1);
  if (declaration) {
    const keys = [...declaration[1]!.matchAll(/"([^"\\]*)"/g)].map((x) => x[1]!);
    return keys.length ? keys : undefined;
  }

  const functions = [...before.matchAll(/function\s+([\w$]+)\s*(?:<[^>]*>)?\s*\(/g)];
  const enclosing = functions.at(-1);
  if (!enclosing) return undefined;
  const params = callArguments(src, enclosing.index + enclosing[0].length - 1).map((p) => p.replace(/[?]?\s*[:=].*$/s, "").trim());
  const index = params.indexOf(name);
  if (index < 0) return undefined;
  const passed = literalArguments(files, enclosing[1]!, index);
  return passed.every((k) => k !== undefined) ? (passed as string[]) : undefined;
}

/**
 * When the call is the whole body of an arrow function that only forwards its
 * parameter `name` to t (`(k) => ctx.t(k)`, `(key, vars) => i18n.t(LOCALE, key, vars)`),
 * where that arrow goes: the name of the function it is passed to as an argument
 * (`workbookLabels((k) => ctx.t(k))` gives "workbookLabels"), or "return" when it
 * is returned. Undefined for anything else, so that a caller relying on the
 * shape notices when the code changes.
 */
export function forwardingArrow(call: TranslationCall, name: string): string | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const src = blankComments(readFileSync(call.path, "utf8"));
  const before = src.slice(0, call.offset);
  const arrow = before.match(new RegExp(`\\(\\s*${name}\\s*(?::[^,()]*)?(?:,[^()]*)?\\)\\s*(?::[^=()]*)?=>\\s*$`));
  if (!arrow) return undefined;
  const params = callArguments(before, arrow.index!).map((p) => p.replace(/[?]?\s*:.*$/s, "").trim());
  const args = callArguments(src, call.offset + src.slice(call.offset).indexOf("("));
  const forwarded = call.callee.endsWith("i18n.t") ? args.slice(1) : args;
  if (params[0] !== name || forwarded.join(",") !== params.join(",")) return undefined;
  const head = before.slice(0, arrow.index);
  if (/\breturn\s*$/.test(head)) return "return";
  return head.match(/(?<![\w$.])([\w$]+)\s*\(\s*$/)?.[1];
}

/**
 * The `action` of every audit entry the files write: the second argument of each
 * `audit(tx, { ..., action: "x.y", ... })` call. A non-literal action is returned
 * as `undefined` so that the caller can refuse it.
 */
export function auditActions(files: string[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const path of files) {
    const { code: src, literal } = scanSource(readFileSync(path, "utf8"));
    const re = /(?<![\w$.])audit\s*\(/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(src))) {
      if (literal[m.index]) continue;
      if (/function\s*$/.test(src.slice(0, m.index))) continue;
      const entry = callArguments(src, m.index + m[0].length - 1)[1] ?? "";
      const action = entry.match(/(?<![\w$])action\s*:\s*("[^"\\]*"|'[^'\\]*'|[^,}]*)/)?.[1]?.trim();
      const parsed = action === undefined ? undefined : classifyKeyArgument(action);
      if (parsed?.kind === "literal" && parsed.keys.length === 1) out.push(parsed.keys[0]);
      else out.push(undefined);
    }
  }
  return out;
}

/**
 * Parameters and properties declared with a translator type (`Translate`, or
 * `(key: string, ...) => string`), by name and place. Calls of such a value are
 * only seen by findTranslationCalls when the name is `t`.
 */
export function translatorBindings(root: string, files: string[]): { name: string; where: string }[] {
  const out: { name: string; where: string }[] = [];
  for (const path of files) {
    const src = blankComments(readFileSync(path, "utf8"));
    const re = /(?<![\w$])([\w$]+)\s*\??\s*:\s*(?:Translate\b|\(\s*[\w$]+\s*:\s*string\b[^()]*\)\s*=>\s*string\b)/g;
    for (const m of src.matchAll(re)) {
      out.push({ name: m[1]!, where: `${relative(root, path).split("\\").join("/")}:${src.slice(0, m.index).split("\n").length}` });
    }
  }
  return out;
}
