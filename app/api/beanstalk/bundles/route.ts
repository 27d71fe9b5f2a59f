import { handleBundleUpload } from "@/lib/beanstalk/bundles/upload-route";

export const dynamic = "force-dynamic";

/**
 * A zip source bundle for the create-environment wizard or Deploy: checked and kept an hour for the
 * operator who sent it, then named by id in the form (lib/beanstalk/bundles/upload-route.ts). The
 * proxy does not run here (proxy.ts's matcher): Next would buffer the body for it before this
 * handler could refuse an anonymous request.
 */
export async function POST(request: Request) {
  return handleBundleUpload(request);
}
