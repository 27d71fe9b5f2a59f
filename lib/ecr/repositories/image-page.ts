import type { ImageRow } from "./reads";

/**
 * The repository page sends the browser one page of images, sorted on the server from the shared
 * full list: a repository with thousands of images costs the browser a page, not every row.
 */
export const IMAGE_PAGE_SIZE = 200;
export const IMAGE_SORTS = ["pushed", "size", "pulled", "tag"] as const;
export type ImageSort = (typeof IMAGE_SORTS)[number];
export type ImagePageQuery = { page: number; sort: ImageSort; dir: "asc" | "desc" };
export type ImagePage = ImagePageQuery & { rows: ImageRow[]; total: number; pages: number; totalSize: number; size: number };

// 5,000 images per page of 200 is 25 pages; a repository holds at most 100,000 images (AWS quota, adjustable).
const MAX_PAGE = 100_000;
const DEFAULT_QUERY: ImagePageQuery = { page: 1, sort: "pushed", dir: "desc" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 16 ? v : undefined);

/** `?page=3&sort=size&dir=asc` as a query; anything else (arrays, junk, out of range) falls back to the default. */
export function parseImagePageQuery(params: Record<string, string | string[] | undefined>): ImagePageQuery {
  const page = one(params.page);
  const sort = one(params.sort);
  const dir = one(params.dir);
  const n = page && /^\d{1,6}$/.test(page) ? Number(page) : DEFAULT_QUERY.page;
  return {
    page: n >= 1 && n <= MAX_PAGE ? n : DEFAULT_QUERY.page,
    sort: (IMAGE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as ImageSort) : DEFAULT_QUERY.sort,
    dir: dir === "asc" || dir === "desc" ? dir : DEFAULT_QUERY.dir,
  };
}

const keyOf: Record<ImageSort, (i: ImageRow) => string | number> = {
  pushed: (i) => i.pushedAt ?? "",
  size: (i) => i.size ?? -1,
  pulled: (i) => i.lastPulledAt ?? "",
  tag: (i) => i.tags[0] ?? "",
};

function compare(a: string | number, b: string | number): number {
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** One page of the images in the asked order (ties by digest, so pages never overlap); a page past the end shows the last. */
export function imagePage(images: readonly ImageRow[], query: ImagePageQuery, size = IMAGE_PAGE_SIZE): ImagePage {
  const key = keyOf[query.sort];
  const sign = query.dir === "asc" ? 1 : -1;
  const sorted = [...images].sort((a, b) => sign * compare(key(a), key(b)) || a.digest.localeCompare(b.digest));
  const pages = Math.max(1, Math.ceil(images.length / size));
  const page = Math.min(query.page, pages);
  return {
    ...query,
    page,
    pages,
    size,
    total: images.length,
    totalSize: images.reduce((sum, i) => sum + (i.size ?? 0), 0),
    rows: sorted.slice((page - 1) * size, page * size),
  };
}

/** The page's own URL for another page or order: sorting anew starts at page 1. */
export function imagePageHref(base: string, query: ImagePageQuery): string {
  const params = new URLSearchParams();
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.sort !== DEFAULT_QUERY.sort) params.set("sort", query.sort);
  if (query.dir !== DEFAULT_QUERY.dir) params.set("dir", query.dir);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
