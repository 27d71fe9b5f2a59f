import { BUNDLE_LIMITS } from "@/lib/beanstalk/bundles/parse";

/** Whether a chosen file starts like a zip (PK\3\4). */
export async function looksLikeZip(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
}

/**
 * A chosen zip as the base64 the form carries (the server reads and checks it before any AWS
 * call), or why it is refused here already.
 */
export async function readZipFile(file: File): Promise<{ base64: string; label: string } | { error: string }> {
  if (file.size > BUNDLE_LIMITS.zipBytes) {
    return { error: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB: zip bundles uploaded here are at most ${BUNDLE_LIMITS.zipBytes / 1024 / 1024} MB.` };
  }
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  return { base64: url.slice(url.indexOf(",") + 1), label: `${file.name} (zip, ${file.size} bytes)` };
}
