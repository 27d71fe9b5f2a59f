export type RoleOption = { name: string; arn: string };

/** Existing roles as suggestions for an ARN field (a datalist: the field still takes any ARN). */
export function RoleSuggestions({ id, roles }: { id: string; roles: RoleOption[] }) {
  return (
    <datalist id={id}>
      {roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
    </datalist>
  );
}
