import "server-only";
import { createHash, createHmac } from "node:crypto";

/**
 * The `portside:env-hash` tag: tells whether the environment a host runs is the one Portside last
 * recorded, without putting values (which may be secrets) where anyone with ec2:DescribeTags can
 * read them. Keyed with Portside's secret key so a short value cannot be guessed from the tag.
 */
export function envHash(environment: { name: string; value: string }[]): string {
  const raw = process.env.PORTSIDE_SECRET_KEY;
  if (!raw) throw new Error("PORTSIDE_SECRET_KEY is not set; the environment cannot be fingerprinted.");
  const key = createHash("sha256").update(`portside:hosts:env-hash:${raw}`).digest();
  const canonical = JSON.stringify([...environment].sort((a, b) => a.name.localeCompare(b.name)).map((e) => [e.name, e.value]));
  return createHmac("sha256", key).update(canonical).digest("hex").slice(0, 32);
}
