import { twMerge } from "tailwind-merge";

export type ClassValue = string | false | null | undefined;

/**
 * Joins class names, skipping falsy ones, so conditional classes read as `cond && "class"`.
 * Conflicting Tailwind utilities resolve to the last one (`cn("p-4", "p-0")` is `p-0`), so a
 * caller's className really overrides a primitive's default.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
