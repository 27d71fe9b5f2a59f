/** An ISO timestamp to the minute, as the panel writes AWS times: "2026-12-06 23:29 UTC"; "—" when unknown. */
export function utcMinute(iso: string | null | undefined): string {
  return iso && iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "—";
}
