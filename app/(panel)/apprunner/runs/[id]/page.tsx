import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/core/auth/guard";
import { decodeSegment } from "@/lib/core/security/segments";

/** App Runner runs used to have their own page; every run now lives at /history/<id>. Old links keep working. */
export default async function AppRunnerRunRedirect({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewer");
  const id = decodeSegment((await params).id);
  redirect(id ? `/history/${encodeURIComponent(id)}` : "/history");
}
