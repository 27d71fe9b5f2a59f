import { Link } from "@/components/ui/link";
import { imagePageHref, type ImagePage, type ImageSort } from "@/lib/ecr/repositories/image-page";

const linkClass = "rounded-md border border-line px-2 py-1 text-accent-700 hover:underline";

/** "Images 201–400 of 5,000" with links to the previous and next page (the server sorts and cuts). */
export function ImagePager({ page, basePath }: { page: ImagePage; basePath: string }) {
  const from = page.total ? (page.page - 1) * page.size + 1 : 0;
  const to = (page.page - 1) * page.size + page.rows.length;
  return (
    <nav aria-label="Image pages" className="flex items-center justify-between gap-2 text-sm">
      <span className="text-ink-muted" aria-live="polite">
        Images {from.toLocaleString("en-US")}–{to.toLocaleString("en-US")} of {page.total.toLocaleString("en-US")}
        {page.pages > 1 && ` · page ${page.page} of ${page.pages}`}
      </span>
      {page.pages > 1 && (
        <span className="flex gap-2">
          {page.page > 1 ? <Link className={linkClass} href={imagePageHref(basePath, { ...page, page: page.page - 1 })}>Previous page</Link> : null}
          {page.page < page.pages ? <Link className={linkClass} href={imagePageHref(basePath, { ...page, page: page.page + 1 })}>Next page</Link> : null}
        </span>
      )}
    </nav>
  );
}

/** A column header that sorts the whole repository on the server: a second click turns the order. */
export function SortHeader({ page, basePath, sort, children }: { page: ImagePage; basePath: string; sort: ImageSort; children: React.ReactNode }) {
  const active = page.sort === sort;
  const dir = active ? (page.dir === "desc" ? "asc" : "desc") : sort === "tag" ? "asc" : "desc";
  return (
    <Link href={imagePageHref(basePath, { page: 1, sort, dir })} className="inline-flex items-center gap-1 hover:underline">
      {children}
      {active && <span aria-hidden="true">{page.dir === "asc" ? "▲" : "▼"}</span>}
      {active && <span className="sr-only">{page.dir === "asc" ? "(sorted ascending)" : "(sorted descending)"}</span>}
    </Link>
  );
}
