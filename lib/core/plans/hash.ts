import { createHash } from "node:crypto";
import type { Plan } from "./types";

/** Stable fingerprint of a plan, so "what was reviewed" can be compared with "what will run". */
export function planHash(plan: Plan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex").slice(0, 16);
}
