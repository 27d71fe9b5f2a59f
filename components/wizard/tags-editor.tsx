"use client";

import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Tag } from "@/lib/core/validation/tags";

type Props = {
  tags: Tag[];
  onChange: (tags: Tag[]) => void;
  errorFor: (key: string) => string[] | undefined;
  onTouch: (key: string) => void;
};

export function TagsEditor({ tags, onChange, errorFor, onTouch }: Props) {
  const set = (i: number, patch: Partial<Tag>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Tags</legend>
      <p className="text-xs text-ink-muted">Key–value labels for cost allocation and search. Up to 50.</p>
      {tags.map((tag, i) => {
        const keyErr = errorFor(`tags.${i}.key`);
        const valueErr = errorFor(`tags.${i}.value`);
        return (
          <div key={i} className="flex items-start gap-2">
            <div className="flex-1">
              <label htmlFor={`tag-${i}-key`} className="sr-only">Tag {i + 1} key</label>
              <Input id={`tag-${i}-key`} name={`tags.${i}.key`} placeholder="Key" value={tag.key}
                onChange={(e) => set(i, { key: e.target.value })} onBlur={() => onTouch(`tags.${i}.key`)} {...fieldAria(`tag-${i}-key`, keyErr)} />
              {keyErr && <p id={`tag-${i}-key-error`} role="alert" className="mt-1 text-xs text-red-700">{keyErr[0]}</p>}
            </div>
            <div className="flex-1">
              <label htmlFor={`tag-${i}-value`} className="sr-only">Tag {i + 1} value</label>
              <Input id={`tag-${i}-value`} name={`tags.${i}.value`} placeholder="Value (optional)" value={tag.value}
                onChange={(e) => set(i, { value: e.target.value })} onBlur={() => onTouch(`tags.${i}.value`)} {...fieldAria(`tag-${i}-value`, valueErr)} />
              {valueErr && <p id={`tag-${i}-value-error`} role="alert" className="mt-1 text-xs text-red-700">{valueErr[0]}</p>}
            </div>
            <Button type="button" variant="ghost" onClick={() => onChange(tags.filter((_, j) => j !== i))} aria-label={`Remove tag ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...tags, { key: "", value: "" }])} disabled={tags.length >= 50}>
        Add tag
      </Button>
    </fieldset>
  );
}
