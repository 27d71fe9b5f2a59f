import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A plain GET form: the tag goes into the page's query string, so the list can be linked to. */
export function HostFilter({ tagKey, tagValue }: { tagKey: string; tagValue: string }) {
  return (
    <form method="get" role="search" aria-label="Also list instances with a tag" className="mb-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="tagKey" className="mb-1 block text-xs font-medium text-ink-muted">Tag key</label>
        <Input id="tagKey" name="tagKey" defaultValue={tagKey} placeholder="team" autoComplete="off" spellCheck={false} />
      </div>
      <div>
        <label htmlFor="tagValue" className="mb-1 block text-xs font-medium text-ink-muted">Tag value (optional)</label>
        <Input id="tagValue" name="tagValue" defaultValue={tagValue} placeholder="payments" autoComplete="off" spellCheck={false} />
      </div>
      <Button type="submit" variant="secondary">List tagged instances</Button>
    </form>
  );
}
