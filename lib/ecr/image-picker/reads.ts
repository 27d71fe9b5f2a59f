import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { parseImageUri } from "@/lib/ecs/task-definitions/image-uri";
import { getRepository, listImages } from "../repositories/reads";
import { imageWarnings, type ImageWarnings, type ReviewedImage } from "./review";

// A plan names a handful of images (one per container); more are not looked up.
const MAX_IMAGES = 20;

async function reviewed(conn: ConnectionSettings, uri: string): Promise<ReviewedImage | null> {
  const parsed = parseImageUri(uri);
  // Only this account's private ECR images can be read here; ECR Public and Docker Hub have no scan in ECR.
  if (parsed?.kind !== "ecr") return null;
  const repository = await getRepository(conn, parsed.region, parsed.repository);
  if (!repository || repository.registryId !== parsed.account) return null;
  const tag = parsed.digest ? null : (parsed.tag ?? "latest");
  const images = await listImages(conn, parsed.region, parsed.repository);
  const image = images.find((i) => (parsed.digest ? i.digest === parsed.digest : i.tags.includes(tag!))) ?? null;
  return { uri, repository, tag, image };
}

/**
 * The review-time warnings for the images a plan deploys (CRITICAL findings, a mutable `latest`),
 * read through the shared read layer: the repository and its image list are the ones the picker and
 * the repository page read. A read that fails leaves that image without warnings rather than
 * failing the review: the warnings advise, the plan does not depend on them.
 */
export async function reviewImageWarnings(conn: ConnectionSettings, uris: string[]): Promise<ImageWarnings> {
  const unique = [...new Set(uris.map((u) => u.trim()).filter(Boolean))].slice(0, MAX_IMAGES);
  const found = await Promise.all(unique.map((uri) => reviewed(conn, uri).catch(() => null)));
  return imageWarnings(found.filter((f): f is ReviewedImage => f !== null));
}
