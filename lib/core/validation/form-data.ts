import { DomainError } from "@/lib/core/errors";

/**
 * FormData → nested object. Field names use dotted paths ("tags.0.key"), so one
 * zod schema validates both what the browser sends and what a test posts.
 * Numeric segments build arrays; gaps left by removed rows are dropped.
 *
 * Every field name comes from whoever sent the request, so the parser is bounded and
 * cannot reach a prototype: the tree is built in Maps, `__proto__` / `constructor` /
 * `prototype` are refused, indexes, depth, name length and field count have limits,
 * arrays are built dense from the indexes actually sent, and a name that is both a
 * value and a group (`a` and `a.b`) is a field error, never an exception of another kind.
 */
export const FORM_LIMITS = { fields: 2_000, nameLength: 200, depth: 10, index: 1_000 } as const;

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
const INDEX = /^(0|[1-9]\d{0,3})$/;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** A field name the parser refuses; `field` is the offending name, cut to a readable length. */
export class FormFieldError extends DomainError {
  readonly field: string;
  constructor(field: string, reason: string) {
    super(`Invalid field name: ${reason}.`);
    this.name = "FormFieldError";
    this.field = field.slice(0, 80);
  }
}

type Branch = { kind: "object" | "array"; children: Map<string, Node> };
type Node = string | Branch;

function segmentsOf(name: string): string[] {
  if (name.length > FORM_LIMITS.nameLength) throw new FormFieldError(name, `longer than ${FORM_LIMITS.nameLength} characters`);
  const parts = name.split(".");
  if (parts.length > FORM_LIMITS.depth) throw new FormFieldError(name, `nested deeper than ${FORM_LIMITS.depth} levels`);
  for (const part of parts) {
    if (FORBIDDEN_SEGMENTS.has(part)) throw new FormFieldError(name, `"${part}" is not allowed`);
    if (!SEGMENT.test(part)) throw new FormFieldError(name, "only letters, digits, - and _ between dots");
    if (/^\d+$/.test(part) && !(INDEX.test(part) && Number(part) <= FORM_LIMITS.index)) {
      throw new FormFieldError(name, `list positions go from 0 to ${FORM_LIMITS.index}`);
    }
  }
  return parts;
}

function insert(root: Branch, name: string, parts: string[], value: string) {
  let branch = root;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const wantsIndex = INDEX.test(part);
    if (wantsIndex !== (branch.kind === "array")) throw new FormFieldError(name, "mixes list positions and names at one level");
    const existing = branch.children.get(part);
    if (last) {
      if (existing !== undefined && typeof existing !== "string") throw new FormFieldError(name, "is both a value and a group");
      branch.children.set(part, value);
      return;
    }
    const kind = INDEX.test(parts[i + 1]!) ? "array" : "object";
    if (existing === undefined) {
      const child: Branch = { kind, children: new Map() };
      branch.children.set(part, child);
      branch = child;
      return;
    }
    if (typeof existing === "string") throw new FormFieldError(name, "is both a value and a group");
    if (existing.kind !== kind) throw new FormFieldError(name, "mixes list positions and names at one level");
    branch = existing;
  });
}

// Object.fromEntries defines own data properties: no key, not even "__proto__", reaches a setter.
function materialise(node: Node): unknown {
  if (typeof node === "string") return node;
  if (node.kind === "array") {
    return [...node.children.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => materialise(child));
  }
  return Object.fromEntries([...node.children.entries()].map(([key, child]) => [key, materialise(child)]));
}

export function formDataToObject(form: FormData): Record<string, unknown> {
  const root: Branch = { kind: "object", children: new Map() };
  let count = 0;
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$ACTION") || typeof value !== "string") continue;
    if (++count > FORM_LIMITS.fields) throw new FormFieldError(name, `more than ${FORM_LIMITS.fields} fields`);
    insert(root, name, segmentsOf(name), value);
  }
  return materialise(root) as Record<string, unknown>;
}
