"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { pickerRepositoriesAction, pickerTagsAction } from "@/lib/ecr/image-picker/actions";
import type { TagOption } from "@/lib/ecr/image-picker/options";

type Props = {
  connectionId: string;
  region: string;
  /** Called with the picked image's URI (repository URI:tag); the form's image field takes it. */
  onPick: (uri: string) => void;
  /** Names the picker for assistive technology when a form has several (one per container). */
  label?: string;
};

type Loaded<T> = { state: "idle" } | { state: "loading" } | { state: "ready"; value: T } | { state: "error"; message: string };

async function read<T>(action: typeof pickerTagsAction, fields: Record<string, string>, pick: (data: Record<string, unknown>) => T): Promise<Loaded<T>> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  try {
    const result = await action(initialState, form);
    return result.ok && result.data ? { state: "ready", value: pick(result.data) } : { state: "error", message: result.message ?? "ECR did not answer." };
  } catch {
    return { state: "error", message: "ECR could not be read. Type the image URI instead." };
  }
}

/**
 * Pick an image from the region's private ECR repositories: repository, then tag (newest first,
 * with push time and scan summary). Reads only when opened; typing a URI by hand still works.
 */
export function ImagePicker({ connectionId, region, onPick, label = "Pick an image from ECR" }: Props) {
  const id = useId();
  const [repositories, setRepositories] = useState<Loaded<string[]>>({ state: "idle" });
  const [repository, setRepository] = useState("");
  const [tags, setTags] = useState<Loaded<TagOption[]>>({ state: "idle" });
  const [uri, setUri] = useState("");

  async function open() {
    if (repositories.state !== "idle") return;
    setRepositories({ state: "loading" });
    setRepositories(await read(pickerRepositoriesAction, { connectionId, region }, (d) => d.repositories as string[]));
  }

  async function chooseRepository(name: string) {
    setRepository(name);
    setUri("");
    if (!name) return setTags({ state: "idle" });
    setTags({ state: "loading" });
    const next = await read(pickerTagsAction, { connectionId, region, repositoryName: name }, (d) => d.tags as TagOption[]);
    setTags(next);
    if (next.state === "ready") setUri(next.value[0]?.uri ?? "");
  }

  const picked = tags.state === "ready" ? tags.value.find((t) => t.uri === uri) : undefined;
  return (
    <details className="rounded-md border border-line px-3 py-2 text-sm" onToggle={(e) => (e.currentTarget.open ? void open() : undefined)}>
      <summary className="cursor-pointer font-medium">{label}</summary>
      <div className="mt-2 space-y-2">
        {repositories.state === "loading" && <p role="status" className="text-ink-muted">Reading repositories…</p>}
        {repositories.state === "error" && <p role="alert" className="text-red-700">{repositories.message}</p>}
        {repositories.state === "ready" && repositories.value.length === 0 && (
          <p className="text-ink-muted">No private repositories in {region}. Create one under ECR → Repositories and push an image to it.</p>
        )}
        {repositories.state === "ready" && repositories.value.length > 0 && (
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-repo`} className="mb-1 block text-xs text-ink-muted">ECR repository</label>
              <Select id={`${id}-repo`} value={repository} onChange={(e) => void chooseRepository(e.target.value)}>
                <option value="">Choose a repository</option>
                {repositories.value.map((name) => <option key={name} value={name}>{name}</option>)}
              </Select>
            </div>
            <div>
              <label htmlFor={`${id}-tag`} className="mb-1 block text-xs text-ink-muted">Image tag</label>
              <Select id={`${id}-tag`} value={uri} disabled={tags.state !== "ready" || tags.value.length === 0} onChange={(e) => setUri(e.target.value)}>
                {tags.state === "ready" && tags.value.length === 0 && <option value="">No tagged images</option>}
                {tags.state === "ready" && tags.value.map((t) => <option key={t.uri} value={t.uri}>{t.label}</option>)}
                {tags.state !== "ready" && <option value="">{tags.state === "loading" ? "Reading images…" : "Choose a repository first"}</option>}
              </Select>
            </div>
          </div>
        )}
        {tags.state === "error" && <p role="alert" className="text-red-700">{tags.message}</p>}
        {picked?.critical && <p role="alert" className="text-amber-800">This image has CRITICAL findings in its last scan.</p>}
        {picked && (
          <Button type="button" size="sm" variant="secondary" onClick={() => onPick(picked.uri)}>Use {picked.tag}</Button>
        )}
      </div>
    </details>
  );
}
