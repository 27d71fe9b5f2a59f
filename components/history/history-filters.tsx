import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

type Props = {
  users: { id: string; name: string; email: string | null }[];
  current: { user?: string; status?: string; resource?: string };
};

// A plain GET form: filters live in the URL, so a filtered view can be shared or bookmarked.
export function HistoryFilters({ users, current }: Props) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter history">
      <div>
        <label htmlFor="f-user" className="block text-xs text-ink-muted">User</label>
        <Select id="f-user" name="user" defaultValue={current.user ?? ""} className="w-48">
          <option value="">Anyone</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.email ? `${u.name} (${u.email})` : u.name}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="f-status" className="block text-xs text-ink-muted">Status</label>
        <Select id="f-status" name="status" defaultValue={current.status ?? ""} className="w-36">
          <option value="">Any</option>
          {["pending", "running", "succeeded", "failed", "interrupted"].map((s) => <option key={s} value={s}>{s}</option>)}
        </Select>
      </div>
      <div>
        <label htmlFor="f-resource" className="block text-xs text-ink-muted">Resource</label>
        <Input id="f-resource" name="resource" defaultValue={current.resource ?? ""} placeholder="e.g. cluster/web" className="w-56" />
      </div>
      <Button type="submit" variant="secondary">Filter</Button>
      {(current.user || current.status || current.resource) && <ButtonLink href="/history" variant="ghost">Clear</ButtonLink>}
    </form>
  );
}
