import { BUNDLE_LIMITS } from "@/lib/beanstalk/bundles/parse";

/** Whether a chosen file starts like a zip (PK\3\4). */
export async function looksLikeZip(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
}

/**
 * Sends a chosen zip to the upload route (the body is the file itself), which checks it and keeps
 * it an hour for this person: the form then carries only its id. The route's refusal is the
 * field's message.
 */
export async function uploadZipFile(file: File): Promise<{ id: string; label: string } | { error: string }> {
  if (file.size > BUNDLE_LIMITS.zipBytes) {
    return { error: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB: zip bundles uploaded here are at most ${BUNDLE_LIMITS.zipBytes / 1024 / 1024} MB.` };
  }
  let response: Response;
  try {
    response = await fetch(`/api/beanstalk/bundles?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      body: file,
      headers: { "Content-Type": "application/zip" },
      credentials: "same-origin",
    });
  } catch {
    return { error: `${file.name} did not reach Portside: choose it again.` };
  }
  const out: unknown = await response.json().catch(() => null);
  const field = (k: string) => (out && typeof out === "object" && k in out ? (out as Record<string, unknown>)[k] : undefined);
  const id = field("id");
  const label = field("label");
  if (response.ok && typeof id === "string" && typeof label === "string") return { id, label };
  const error = field("error");
  if (typeof error === "string") return { error };
  if (response.status === 401) return { error: "Your session has ended: sign in again, then choose the file." };
  return { error: `Portside refused the upload (HTTP ${response.status}): choose the file again.` };
}
