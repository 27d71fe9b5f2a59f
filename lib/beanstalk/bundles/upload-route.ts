import "server-only";
import { requireUser } from "@/lib/core/auth/guard";
import { authFailure } from "@/lib/core/live/sse";
import { contentSecurityPolicy, HSTS, newNonce } from "@/lib/core/security/headers";
import { PROTO_HEADER } from "@/lib/core/security/stamp-headers";
import { announcedLength, readAnnounced } from "./upload-body";
import { saveBundleUpload } from "./upload-store";
import { ZIP_LIMITS } from "./zip";
import { parseZipBundle } from "./zip-bundle";

const json = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/** Whether an Origin header, when the browser sent one, names this host (the host the request reached). */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return !!host && new URL(origin).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}

/** A file name fit for a label: at most 200 characters, no control characters or path; otherwise "bundle.zip". */
export function uploadName(raw: string | null): string {
  const name = (raw ?? "").trim();
  return name && name.length <= 200 && !/[\u0000-\u001f\u007f/\\]/.test(name) ? name : "bundle.zip";
}

/**
 * POST /api/beanstalk/bundles: one zip source bundle (the body is the file itself), in this order —
 * the session and role (nothing of the body is read for anyone else), a cross-site Origin refused,
 * the announced Content-Length at most 5 MB, the body read up to that many bytes and not one more,
 * the bounded zip check (the messages the file field shows), then stored for this person for an
 * hour. Answers { id, label } (201) or { error } with 401/403/413/400/422.
 */
export async function handleBundleUpload(request: Request): Promise<Response> {
  const response = await answer(request);
  // proxy.ts does not run here (see route.ts): the per-request headers it would add, added here.
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" }));
  if (request.headers.get(PROTO_HEADER) === "https") response.headers.set(HSTS.key, HSTS.value);
  return response;
}

async function answer(request: Request): Promise<Response> {
  let user;
  try {
    user = await requireUser("operator", "upload an Elastic Beanstalk bundle");
  } catch (error) {
    return authFailure(error);
  }
  if (!sameOrigin(request)) return json(403, { error: "Uploads come from Portside's own pages." });
  const announced = announcedLength(request.headers.get("content-length"), ZIP_LIMITS.bytes);
  if (!announced.ok) return json(announced.status, { error: announced.message });
  const body = await readAnnounced(request.body, announced.length);
  if (!body.ok) return json(body.status, { error: body.message });
  const zip = parseZipBundle(body.bytes);
  if (!zip.ok) return json(422, { error: zip.message });
  const name = uploadName(new URL(request.url).searchParams.get("name"));
  const { id } = await saveBundleUpload(user.id, name, zip.bytes);
  const runs = zip.images.length ? `, ${zip.images.length === 1 ? "image" : "images"} ${zip.images.slice(0, 3).join(", ")}` : "";
  return json(201, { id, label: `${name} (zip, ${zip.bytes.length} bytes): contains ${zip.contains}${runs}` });
}
