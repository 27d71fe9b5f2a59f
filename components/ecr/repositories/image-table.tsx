"use client";

import { useActionState, useState } from "react";
import { VirtualTable } from "@/components/ecs/services/virtual-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Td, Th, Tr } from "@/components/ui/table";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { formatBytes } from "@/lib/core/format/bytes";
import { utcMinute } from "@/lib/core/format/utc";
import { severityCounts } from "@/lib/ecr/repositories/severity";
import { deleteImagesAction, previewDeleteImagesAction } from "@/lib/ecr/repositories/actions";
import { imagePath } from "@/lib/ecr/repositories/paths";
import type { ImageRow } from "@/lib/ecr/repositories/reads";
import type { ImagePage } from "@/lib/ecr/repositories/image-page";
import { ImagePager, SortHeader } from "./image-pager";

type Props = { page: ImagePage; basePath: string; canDelete: boolean; context: { connectionId: string; region: string; repositoryName: string } };

// BatchDeleteImage takes 100 image ids per call; the plan is one call.
const MAX_SELECTED = 100;


function Findings({ image }: { image: ImageRow }) {
  if (!image.scanStatus) return <span className="text-ink-faint">Not scanned</span>;
  const counts = severityCounts(image.findings);
  if (counts.length === 0) return <span>{image.scanStatus === "COMPLETE" ? "No findings" : image.scanStatus.toLowerCase().replace("_", " ")}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {counts.map(([s, n]) => <Badge key={s} tone={s === "CRITICAL" || s === "HIGH" ? "red" : "yellow"}>{n} {s.toLowerCase()}</Badge>)}
    </span>
  );
}

/**
 * One page of the repository's images (sorted and cut on the server, newest first by default); past
 * 100 rows only the rows in view render.
 */
export function ImageTable({ page, basePath, canDelete, context }: Props) {
  const images = page.rows;
  const [selected, setSelected] = useState<string[]>([]);
  const [state, action] = useActionState(deleteImagesAction, initialState);
  if (page.total === 0) {
    return <EmptyState title="No images yet" description="Push an image with the commands below; it appears here with its tags, size and scan results." />;
  }
  const toggle = (digest: string, on: boolean) => setSelected((s) => (on ? [...s, digest].slice(0, MAX_SELECTED) : s.filter((d) => d !== digest)));
  const live = selected.filter((d) => images.some((i) => i.digest === d));
  return (
    <div className="space-y-2">
      {canDelete && (
        <div className="flex items-center justify-end gap-2">
          {state.message && <Alert tone="error" className="py-1">{state.message}</Alert>}
          <span className="text-xs text-ink-muted" aria-live="polite">{live.length ? `${live.length} selected` : "Select images to delete them"}</span>
          <ReviewedConfirmDialog
            triggerLabel="Delete images"
            triggerProps={{ variant: "secondary", size: "sm", disabled: live.length === 0 }}
            tone="danger"
            title={`Delete ${live.length === 1 ? "1 image" : `${live.length} images`} from ${context.repositoryName}?`}
            description="The images and all their tags are deleted. Services and tasks that pull them by tag or digest will fail to start new tasks."
            confirmLabel="Delete images"
            requireText="delete"
            fields={{ ...context, ...Object.fromEntries(live.map((d, i) => [`digests.${i}`, d])) }}
            preview={previewDeleteImagesAction}
            formAction={action}
          />
        </div>
      )}
      <ImagePager page={page} basePath={basePath} />
      <VirtualTable
        aria-label="Images"
        rows={images}
        getKey={(i) => i.digest}
        columns={canDelete ? 8 : 7}
        estimate={41}
        threshold={100}
        head={
          <tr>
            {canDelete && <Th><span className="sr-only">Select</span></Th>}
            <Th><SortHeader page={page} basePath={basePath} sort="tag">Image tags</SortHeader></Th><Th>Digest</Th>
            <Th><SortHeader page={page} basePath={basePath} sort="pushed">Pushed at</SortHeader></Th>
            <Th className="text-right"><SortHeader page={page} basePath={basePath} sort="size">Size</SortHeader></Th>
            <Th><SortHeader page={page} basePath={basePath} sort="pulled">Last pulled</SortHeader></Th><Th>Scan</Th><Th>Findings</Th>
          </tr>
        }
        renderRow={(image, rowProps) => {
          const label = image.tags.join(", ") || image.digest.slice(7, 19);
          return (
            <Tr key={image.digest} {...rowProps}>
              {canDelete && (
                <Td><input type="checkbox" className="size-4" aria-label={`Select image ${label}`} checked={selected.includes(image.digest)} onChange={(e) => toggle(image.digest, e.target.checked)} /></Td>
              )}
              <Td className="font-medium">{image.tags.length ? image.tags.join(", ") : <span className="text-ink-faint">untagged</span>}</Td>
              <Td className="font-mono text-xs" title={image.digest}>
                <Link href={imagePath(context.repositoryName, image.digest)} aria-label={`Image ${label}`} className="text-accent-700 hover:underline">{image.digest.slice(0, 19)}…</Link>
              </Td>
              <Td className="whitespace-nowrap">{utcMinute(image.pushedAt)}</Td>
              <Td className="text-right">{image.size === null ? "—" : formatBytes(image.size)}</Td>
              <Td className="whitespace-nowrap">{utcMinute(image.lastPulledAt)}</Td>
              <Td>{image.scanStatus ? image.scanStatus.toLowerCase().replace("_", " ") : "—"}</Td>
              <Td><Findings image={image} /></Td>
            </Tr>
          );
        }}
      />
      {page.pages > 1 && <ImagePager page={page} basePath={basePath} />}
    </div>
  );
}
