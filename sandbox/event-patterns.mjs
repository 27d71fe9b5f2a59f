// EventBridge event patterns and input transformers, as AWS evaluates them. Pure functions.
//
// A pattern is an object whose leaves are arrays of matchers; an event matches when every field
// the pattern names matches (AND across fields, OR inside an array). An event field holding an
// array matches when any of its elements does. Matchers: literals (string, number, boolean,
// null), {prefix}, {suffix}, {equals-ignore-case}, {anything-but: value | [values] | {prefix} |
// {suffix}}, {numeric: [op, n (, op, n)]}, {exists: true|false}, {wildcard}.
// See https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const MISSING = Symbol("missing");

/** Does the event match the pattern (both parsed JSON)? */
export function matchesPattern(pattern, event) {
  if (!isObject(pattern)) return false;
  return Object.entries(pattern).every(([field, rule]) => {
    const value = isObject(event) && Object.hasOwn(event, field) ? event[field] : MISSING;
    // A nested pattern against an array of objects (an ECS event's containers): any element may match.
    if (isObject(rule)) return value !== MISSING && (Array.isArray(value) ? value.some((v) => isObject(v) && matchesPattern(rule, v)) : isObject(value) && matchesPattern(rule, value));
    if (!Array.isArray(rule)) return false;
    return rule.some((m) => matchesOne(m, value));
  });
}

function matchesOne(matcher, value) {
  if (isObject(matcher) && "exists" in matcher) return matcher.exists === (value !== MISSING);
  if (value === MISSING) return false;
  const values = Array.isArray(value) ? value : [value];
  // "anything-but" on an array field: none of its elements may be excluded.
  if (isObject(matcher) && "anything-but" in matcher) return values.length > 0 && values.every((v) => anythingBut(matcher["anything-but"], v));
  return values.some((v) => leaf(matcher, v));
}

function leaf(matcher, v) {
  if (!isObject(matcher)) return matcher === v;
  if ("prefix" in matcher) return typeof v === "string" && prefixMatch(matcher.prefix, v);
  if ("suffix" in matcher) return typeof v === "string" && suffixMatch(matcher.suffix, v);
  if ("equals-ignore-case" in matcher) return typeof v === "string" && typeof matcher["equals-ignore-case"] === "string" && v.toLowerCase() === matcher["equals-ignore-case"].toLowerCase();
  if ("numeric" in matcher) return typeof v === "number" && numeric(matcher.numeric, v);
  if ("wildcard" in matcher) return typeof v === "string" && wildcard(matcher.wildcard, v);
  return false;
}

function prefixMatch(p, v) {
  if (typeof p === "string") return v.startsWith(p);
  if (isObject(p) && typeof p["equals-ignore-case"] === "string") return v.toLowerCase().startsWith(p["equals-ignore-case"].toLowerCase());
  return false;
}

function suffixMatch(s, v) {
  if (typeof s === "string") return v.endsWith(s);
  if (isObject(s) && typeof s["equals-ignore-case"] === "string") return v.toLowerCase().endsWith(s["equals-ignore-case"].toLowerCase());
  return false;
}

function anythingBut(excluded, v) {
  if (Array.isArray(excluded)) return !excluded.some((e) => e === v);
  if (isObject(excluded)) {
    if ("prefix" in excluded) return !(typeof v === "string" && prefixMatch(excluded.prefix, v));
    if ("suffix" in excluded) return !(typeof v === "string" && suffixMatch(excluded.suffix, v));
    if ("equals-ignore-case" in excluded) {
      const list = [].concat(excluded["equals-ignore-case"]).map((e) => String(e).toLowerCase());
      return !(typeof v === "string" && list.includes(v.toLowerCase()));
    }
    return true;
  }
  return excluded !== v;
}

const COMPARE = { "<": (a, b) => a < b, "<=": (a, b) => a <= b, "=": (a, b) => a === b, ">": (a, b) => a > b, ">=": (a, b) => a >= b };

function numeric(spec, v) {
  if (!Array.isArray(spec) || spec.length % 2 !== 0) return false;
  for (let i = 0; i < spec.length; i += 2) {
    const op = COMPARE[spec[i]];
    if (!op || typeof spec[i + 1] !== "number" || !op(v, spec[i + 1])) return false;
  }
  return true;
}

// * matches any run of characters; \* and \\ are a literal * and \.
function wildcard(w, v) {
  if (typeof w !== "string") return false;
  let re = "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (c === "\\" && (w[i + 1] === "*" || w[i + 1] === "\\")) re += "\\" + w[++i];
    else if (c === "*") re += ".*";
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp("^" + re + "$", "s").test(v);
}

/** A JSONPath of the simple form EventBridge's InputPathsMap takes: $.a.b, $.a[0].b, $. */
export function readPath(event, path) {
  if (path === "$") return event;
  if (typeof path !== "string" || !path.startsWith("$.")) return undefined;
  let cur = event;
  for (const part of path.slice(2).split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    cur = isObject(cur) ? cur[m[1]] : undefined;
    for (const idx of m[2].match(/\d+/g) ?? []) cur = Array.isArray(cur) ? cur[Number(idx)] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/**
 * What a target receives: the whole event, the target's constant Input, its InputPath, or the
 * InputTransformer's template with each <name> replaced. As on AWS, a string value inside the
 * template's quotes is inserted without its quotes (escaped for JSON), anything else as JSON.
 */
export function targetInput(target, event) {
  if (typeof target.Input === "string") return target.Input;
  if (typeof target.InputPath === "string") return JSON.stringify(readPath(event, target.InputPath) ?? null);
  const t = target.InputTransformer;
  if (!t) return JSON.stringify(event);
  const values = {};
  for (const [name, path] of Object.entries(t.InputPathsMap ?? {})) values[name] = readPath(event, path);
  // A placeholder inside a JSON string takes the value's text; outside one, its JSON.
  const template = String(t.InputTemplate ?? "");
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "\\" && inString) {
      out += c + (template[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    const m = c === "<" ? /^<([A-Za-z0-9_.-]+)>/.exec(template.slice(i, i + 260)) : null;
    if (!m || (m[1] !== "aws.events.event.json" && !Object.hasOwn(values, m[1]))) {
      out += c;
      continue;
    }
    const v = m[1] === "aws.events.event.json" ? event : values[m[1]];
    const json = v === undefined ? "null" : JSON.stringify(v);
    out += inString && typeof v === "string" ? json.slice(1, -1) : json;
    i += m[0].length - 1;
  }
  return out;
}
