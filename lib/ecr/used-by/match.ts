// Which container images name a given ECR image: by repository URI with its tag, or its digest.

export type ImageRef = { uri: string; tags: string[]; digest: string };
export type ContainerImage = { family: string; revision: number; container: string; image: string };

/** Does a container's image string name this image (repository URI + one of its tags, or its digest)? */
export function namesImage(image: string, ref: ImageRef): boolean {
  if (typeof image !== "string" || image.length > 2048) return false;
  const at = image.indexOf("@");
  if (at >= 0) return image.slice(0, at) === ref.uri && image.slice(at + 1) === ref.digest;
  if (image === ref.uri) return ref.tags.includes("latest");
  if (!image.startsWith(`${ref.uri}:`)) return false;
  return ref.tags.includes(image.slice(ref.uri.length + 1));
}

/** Does a container's image string name any image of this repository? */
export function namesRepository(image: string, uri: string): boolean {
  return typeof image === "string" && (image === uri || image.startsWith(`${uri}:`) || image.startsWith(`${uri}@`));
}
