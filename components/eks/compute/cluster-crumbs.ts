import type { Breadcrumb } from "@/components/ui/page-header";

/** Breadcrumbs from the EKS cluster list down to a page of one cluster. */
export function clusterCrumbs(cluster: string, ...rest: Breadcrumb[]): Breadcrumb[] {
  return [{ href: "/eks/clusters", label: "EKS clusters" }, { href: `/eks/clusters/${encodeURIComponent(cluster)}`, label: cluster }, ...rest];
}

export const clusterBase = (cluster: string) => `/eks/clusters/${encodeURIComponent(cluster)}`;
