import { describe, expect, it } from "vitest";
import { imagePage, imagePageHref, parseImagePageQuery } from "./image-page";
import type { ImageRow } from "./reads";

const image = (n: number, extra: Partial<ImageRow> = {}): ImageRow => ({
  digest: `sha256:${String(n).padStart(64, "0")}`, tags: [`build-${n}`], pushedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  size: 1_000 + n, lastPulledAt: null, scanStatus: null, findings: {}, ...extra,
});
const images = Array.from({ length: 450 }, (_, i) => image(i));

describe("imagePage", () => {
  it("sends one page, newest push first, with the totals of every image", () => {
    const page = imagePage(images, { page: 1, sort: "pushed", dir: "desc" }, 200);
    expect(page.rows).toHaveLength(200);
    expect(page.rows[0]!.tags).toEqual(["build-449"]);
    expect(page).toMatchObject({ total: 450, pages: 3, page: 1, totalSize: images.reduce((s, i) => s + i.size!, 0) });
  });

  it("pages do not overlap and cover every image, in any order", () => {
    for (const sort of ["pushed", "size", "pulled", "tag"] as const) {
      const seen = [1, 2, 3].flatMap((p) => imagePage(images, { page: p, sort, dir: "asc" }, 200).rows.map((r) => r.digest));
      expect(new Set(seen).size).toBe(450);
    }
  });

  it("sorts by size ascending and shows the last page for a page past the end", () => {
    const page = imagePage(images, { page: 9, sort: "size", dir: "asc" }, 200);
    expect(page.page).toBe(3);
    expect(page.rows.map((r) => r.size)).toEqual(images.slice(400).map((i) => i.size));
  });

  it("has one empty page for an empty repository", () => {
    expect(imagePage([], { page: 1, sort: "pushed", dir: "desc" })).toMatchObject({ rows: [], pages: 1, total: 0 });
  });
});

describe("parseImagePageQuery and imagePageHref", () => {
  it("reads a page, an order and a direction, and falls back to newest first on page 1", () => {
    expect(parseImagePageQuery({ page: "3", sort: "size", dir: "asc" })).toEqual({ page: 3, sort: "size", dir: "asc" });
    expect(parseImagePageQuery({})).toEqual({ page: 1, sort: "pushed", dir: "desc" });
    expect(parseImagePageQuery({ page: ["2", "3"], sort: "__proto__", dir: "up" })).toEqual({ page: 1, sort: "pushed", dir: "desc" });
    expect(parseImagePageQuery({ page: "0" }).page).toBe(1);
    expect(parseImagePageQuery({ page: "1e3" }).page).toBe(1);
  });

  it("writes only what differs from the default", () => {
    expect(imagePageHref("/ecr/repositories/team/web", { page: 1, sort: "pushed", dir: "desc" })).toBe("/ecr/repositories/team/web");
    expect(imagePageHref("/r", { page: 2, sort: "size", dir: "asc" })).toBe("/r?page=2&sort=size&dir=asc");
  });
});
