import { z } from "zod";

/** What an upload's id looks like (Postgres gen_random_uuid / crypto.randomUUID): checked before any lookup. */
export const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const CHOOSE_AGAIN = "Choose the zip again: Portside keeps an upload for an hour, for the person who sent it.";

/**
 * A form's zip bundle field: the id of a checked upload (POST /api/beanstalk/bundles), never the
 * zip itself — server actions keep Next's 1 MB body limit. Empty when no zip was chosen.
 */
export const bundleZipField = z
  .string()
  .max(36, CHOOSE_AGAIN)
  .refine((v) => v === "" || UPLOAD_ID.test(v), CHOOSE_AGAIN)
  .default("");
