/**
 * Where to send the browser after sign-in, from a `next` value anyone can put in a link.
 * Only a path on Portside itself is kept: parsed with the URL API against a stand-in origin
 * and required to stay on it, with `//host`, `/\host`, backslashes, control characters and
 * whitespace refused, whether sent raw or percent-encoded. Anything else gives `fallback`.
 */
const BASE = "http://portside.invalid";
const MAX_LENGTH = 2_000;
// Browsers treat "\" as "/" and drop tabs and newlines inside URLs: "/\evil" and "/\t/evil" are "//evil".
const UNSAFE = /[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

function decodedForms(raw: string): string[] {
  const forms = [raw];
  let current = raw;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return [];
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

export function safeRedirectPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  const forms = decodedForms(raw);
  if (forms.length === 0) return fallback;
  for (const form of forms) {
    if (!form.startsWith("/") || form.startsWith("//") || UNSAFE.test(form)) return fallback;
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
