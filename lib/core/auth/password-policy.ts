import "server-only";
import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/** Passwords people choose: at least this long (the zod schemas say so as you type)… */
export const MIN_PASSWORD_LENGTH = 12;
/** …and at least this zxcvbn score (3: "safely unguessable", about 10^8 guesses or more). */
export const MIN_SCORE = 3;

// Words anyone attacking this panel tries first, whoever the user is.
const PRODUCT_WORDS = ["portside", "admin", "administrator", "password", "docker", "container", "cluster", "deploy"];

type Checker = { zxcvbn: ZxcvbnFactory; personalDataWarning: string };
let checker: Promise<Checker> | undefined;

/**
 * The dictionaries are a few megabytes: loaded on first use, once per server process, and
 * never part of a browser bundle (this module is server-only).
 */
function strengthChecker(): Promise<Checker> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return { zxcvbn, personalDataWarning: en.translations.warnings.userInputs };
  })();
  return checker;
}

/** The user's e-mail and name, whole and in parts, as zxcvbn user inputs. */
export function personalWords(user: { email?: string; name?: string }): string[] {
  const email = (user.email ?? "").trim().toLowerCase();
  const [local = "", domain = ""] = email.split("@");
  const parts = [email, local, ...local.split(/[._+-]+/), ...domain.split(".").slice(0, -1), ...(user.name ?? "").toLowerCase().split(/\s+/)];
  return [...new Set(parts.filter((p) => p.length >= 3))];
}

function feedbackOf(result: ZxcvbnResult): string {
  const { warning, suggestions } = result.feedback;
  return [warning, suggestions[0]].filter(Boolean).join(" ") || "This password is too easy to guess. Add more words that are less common.";
}

/**
 * Why a chosen password is refused, in zxcvbn's words, or null when it is strong enough.
 * zxcvbn rates "portside-admin" 3 because it adds a penalty per piece however guessable each
 * piece is, so the password is also judged without the personal and product words in it.
 */
export async function passwordWeakness(password: string, user: { email?: string; name?: string }): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const { zxcvbn, personalDataWarning } = await strengthChecker();
  const inputs = [...personalWords(user), ...PRODUCT_WORDS];
  const result = zxcvbn.check(password, inputs);
  if (result.score < MIN_SCORE) return feedbackOf(result);
  let rest = password.toLowerCase();
  for (const word of [...inputs].sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  if (rest === password.toLowerCase()) return null;
  const restResult = zxcvbn.check(rest, inputs);
  if (restResult.score >= MIN_SCORE) return null;
  const { suggestions } = restResult.feedback;
  return [personalDataWarning, suggestions[0]].filter(Boolean).join(" ");
}
