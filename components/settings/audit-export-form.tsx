import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

const label = "mb-1 block text-xs font-medium text-ink-muted";

/**
 * Download the audit history: a plain GET form to /api/audit/export, so the browser saves the file
 * itself and nothing is held in the page. The route checks every field (bad ones answer 400).
 */
export function AuditExportForm() {
  return (
    <form method="get" action="/api/audit/export" aria-label="Export the audit history" className="grid grid-cols-2 gap-3 sm:grid-cols-5 sm:items-end">
      <div>
        <label htmlFor="export-format" className={label}>Format</label>
        <Select id="export-format" name="format" defaultValue="jsonl">
          <option value="jsonl">JSON Lines</option>
          <option value="csv">CSV</option>
        </Select>
      </div>
      <div>
        <label htmlFor="export-from" className={label}>From (UTC)</label>
        <Input id="export-from" name="from" type="date" />
      </div>
      <div>
        <label htmlFor="export-to" className={label}>To (UTC, inclusive)</label>
        <Input id="export-to" name="to" type="date" />
      </div>
      <div>
        <label htmlFor="export-action" className={label}>Action starts with</label>
        <Input id="export-action" name="action" placeholder="user." maxLength={64} pattern="[a-z.]*" title="Lower-case words with dots, e.g. user. or connection.update" />
      </div>
      <div>
        <label htmlFor="export-actor" className={label}>Actor e-mail</label>
        <Input id="export-actor" name="actor" type="email" maxLength={254} placeholder="anyone" />
      </div>
      <div className="col-span-2 sm:col-span-5">
        <Button type="submit" variant="secondary">Download</Button>
        <span className="ml-3 text-xs text-ink-muted">Oldest first, each record with its hash-chain links (seq, prevHash, hash). The export is itself recorded.</span>
      </div>
    </form>
  );
}
