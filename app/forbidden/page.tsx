import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLES, type RoleName } from "@/lib/core/auth/roles";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ needed?: string | string[] }> }) {
  const { needed } = await searchParams;
  // Only a role's own name is echoed: the page must not print whatever text a link carries.
  const role = ROLES.find((r): r is RoleName => r === needed);
  return (
    <main className="mx-auto max-w-lg p-10">
      <EmptyState
        title="You don't have access to this page"
        description={role ? `It needs the ${role} role. Ask an admin to change your role.` : "It needs a higher role. Ask an admin to change your role."}
        action={<ButtonLink href="/ecs/clusters">Back to clusters</ButtonLink>}
      />
    </main>
  );
}
