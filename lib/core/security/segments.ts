import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readSession } from "@/lib/core/auth/session";

// AWS names and ids are at most 255 characters (an ARN 2,048, never a URL segment here).
const MAX_SEGMENT = 512;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A URL segment decoded, or null when it is malformed (`%E0%A4%A`), too long or holds control characters. */
export function decodeSegment(raw: string): string | null {
  if (typeof raw !== "string" || raw.length > MAX_SEGMENT * 3) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return value.length === 0 || value.length > MAX_SEGMENT || CONTROL.test(value) ? null : value;
}

/** For pages and layouts: a bad segment is a 404, before any AWS or database work. */
export function pageSegment(raw: string): string {
  return decodeSegment(raw) ?? notFound();
}

/**
 * A page title naming the resource in the URL. Metadata renders beside the page, so it checks
 * the session itself: a signed-out visitor's URL is neither decoded nor echoed.
 */
export async function segmentTitle(format: (name: string) => string, raw: string): Promise<Metadata> {
  if (!(await readSession())) return { title: "Sign in" };
  const name = decodeSegment(raw);
  return { title: name === null ? "Not found" : format(name) };
}
