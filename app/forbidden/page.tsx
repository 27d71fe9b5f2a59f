import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ needed?: string }> }) {
  const { needed } = await searchParams;
  return (
    <main className="mx-auto max-w-lg p-10">
      <EmptyState
        title="You don't have access to this page"
        description={`It needs the ${needed ?? "a higher"} role. Ask an admin to change your role.`}
        action={<ButtonLink href="/ecs/clusters">Back to clusters</ButtonLink>}
      />
    </main>
  );
}
