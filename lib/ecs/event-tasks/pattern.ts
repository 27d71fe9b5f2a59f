/**
 * EventBridge event patterns, checked as PutRule checks them, so a bad pattern is named at the
 * field before any AWS call. Bounded: the text is at most 4096 characters (AWS's limit on
 * EventPattern), at most 10 levels deep and 300 matchers.
 * See https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */

export const MAX_PATTERN_LENGTH = 4096;
const MAX_DEPTH = 10;
const MAX_MATCHERS = 300;

export class PatternError extends Error {}

export type EventPattern = { [field: string]: EventPattern | Matcher[] };
export type Matcher = string | number | boolean | null | Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const NUMERIC_OPS = new Set(["<", "<=", "=", ">", ">="]);

/** The parsed pattern, or a PatternError whose message names the field and what is wrong. */
export function parseEventPattern(text: string): EventPattern {
  if (typeof text !== "string" || !text.trim()) throw new PatternError("Enter an event pattern, e.g. {\"source\": [\"aws.s3\"]}.");
  if (text.length > MAX_PATTERN_LENGTH) throw new PatternError(`An event pattern is at most ${MAX_PATTERN_LENGTH} characters.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PatternError("This is not valid JSON: check the quotes, commas and brackets.");
  }
  if (!isObject(value)) throw new PatternError("An event pattern is a JSON object, e.g. {\"source\": [\"aws.s3\"]}.");
  const count = { matchers: 0 };
  checkObject(value, "", 1, count);
  return value as EventPattern;
}

/** The problem with a pattern, for a form field, or null. */
export function patternProblem(text: string): string | null {
  try {
    parseEventPattern(text);
    return null;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}

function checkObject(obj: Record<string, unknown>, path: string, depth: number, count: { matchers: number }) {
  if (depth > MAX_DEPTH) throw new PatternError(`The pattern nests more than ${MAX_DEPTH} levels deep at ${path}.`);
  const keys = Object.keys(obj);
  if (keys.length === 0) throw new PatternError(path ? `${path} is an empty object: give it at least one field.` : "The pattern is empty: match at least one field, e.g. source.");
  for (const key of keys) {
    const at = path ? `${path}.${key}` : key;
    const v = obj[key];
    if (isObject(v)) checkObject(v, at, depth + 1, count);
    else if (Array.isArray(v)) checkMatchers(v, at, count);
    else throw new PatternError(`${at} must be an array of values (e.g. ["x"]) or an object.`);
  }
}

function checkMatchers(list: unknown[], at: string, count: { matchers: number }) {
  if (list.length === 0) throw new PatternError(`${at} is an empty array: list at least one value.`);
  for (const [i, m] of list.entries()) {
    count.matchers += 1;
    if (count.matchers > MAX_MATCHERS) throw new PatternError(`The pattern has more than ${MAX_MATCHERS} values.`);
    const where = `${at}[${i}]`;
    if (m === null || typeof m === "string" || typeof m === "boolean") continue;
    if (typeof m === "number") {
      if (!Number.isFinite(m)) throw new PatternError(`${where} is not a number EventBridge can compare.`);
      continue;
    }
    if (Array.isArray(m)) throw new PatternError(`${where}: nested arrays are not allowed; list the values in one array.`);
    checkOperator(m as Record<string, unknown>, where);
  }
}

function checkOperator(m: Record<string, unknown>, where: string) {
  const keys = Object.keys(m);
  if (keys.length !== 1) throw new PatternError(`${where} must have exactly one operator, such as prefix, suffix, anything-but, numeric or exists.`);
  const op = keys[0]!;
  const v = m[op];
  switch (op) {
    case "prefix":
    case "suffix":
      if (typeof v === "string" || (isObject(v) && Object.keys(v).length === 1 && typeof v["equals-ignore-case"] === "string")) return;
      throw new PatternError(`${where}: ${op} takes a string.`);
    case "equals-ignore-case":
    case "cidr":
      if (typeof v === "string" && v) return;
      throw new PatternError(`${where}: ${op} takes a non-empty string.`);
    case "wildcard":
      if (typeof v === "string" && !v.includes("**")) return;
      throw new PatternError(`${where}: wildcard takes a string without consecutive * characters.`);
    case "exists":
      if (typeof v === "boolean") return;
      throw new PatternError(`${where}: exists takes true or false.`);
    case "numeric":
      return checkNumeric(v, where);
    case "anything-but":
      return checkAnythingBut(v, where);
    default:
      throw new PatternError(`${where}: "${op.slice(0, 40)}" is not an EventBridge operator (prefix, suffix, equals-ignore-case, anything-but, numeric, exists, wildcard, cidr).`);
  }
}

function checkNumeric(v: unknown, where: string) {
  const ok =
    Array.isArray(v) &&
    (v.length === 2 || v.length === 4) &&
    v.every((x, i) => (i % 2 === 0 ? typeof x === "string" && NUMERIC_OPS.has(x) : typeof x === "number" && Number.isFinite(x)));
  if (!ok) throw new PatternError(`${where}: numeric takes [operator, number] or a range such as [">", 0, "<=", 5]; operators are < <= = > >=.`);
  if (v.length === 4) {
    const [lo, a, hi, b] = v as [string, number, string, number];
    if (!(lo === ">" || lo === ">=") || !(hi === "<" || hi === "<=") || a >= b) throw new PatternError(`${where}: a numeric range goes from a lower bound (> or >=) to a higher upper bound (< or <=).`);
  }
}

function checkAnythingBut(v: unknown, where: string) {
  if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) return;
  if (Array.isArray(v) && v.length > 0 && (v.every((x) => typeof x === "string") || v.every((x) => typeof x === "number" && Number.isFinite(x)))) return;
  if (isObject(v) && Object.keys(v).length === 1) {
    const [op] = Object.keys(v);
    const inner = v[op!];
    if ((op === "prefix" || op === "suffix" || op === "wildcard") && typeof inner === "string" && inner) return;
    if (op === "equals-ignore-case" && (typeof inner === "string" || (Array.isArray(inner) && inner.length > 0 && inner.every((x) => typeof x === "string")))) return;
  }
  throw new PatternError(`${where}: anything-but takes a value, a list of strings or of numbers, or {"prefix": …} / {"suffix": …}.`);
}

/** Escapes a literal for a wildcard matcher (\ and * are special). */
const wildcardLiteral = (s: string) => s.replace(/[\\*]/g, (c) => `\\${c}`);

/**
 * The pattern of S3's "Object Created" events for one bucket, with an optional key prefix and
 * suffix. Both together must hold at once, which one matcher says: a wildcard prefix*suffix.
 */
export function s3ObjectCreatedPattern(bucket: string, prefix = "", suffix = ""): EventPattern {
  const key: Matcher[] | null =
    prefix && suffix ? [{ wildcard: `${wildcardLiteral(prefix)}*${wildcardLiteral(suffix)}` }] : prefix ? [{ prefix }] : suffix ? [{ suffix }] : null;
  return {
    source: ["aws.s3"],
    "detail-type": ["Object Created"],
    detail: { bucket: { name: [bucket] }, ...(key ? { object: { key } } : {}) },
  };
}
