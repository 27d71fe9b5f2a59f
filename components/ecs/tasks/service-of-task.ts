import type { Breadcrumb } from "@/components/ui/page-header";

/** The service a task belongs to, from its group ("service:name"); empty for one-off tasks. */
export const serviceOfTask = (group: string) => (group.startsWith("service:") ? group.slice("service:".length) : "");

/** Clusters › cluster › its service (when the task has one) › the task, then `under` (crumbs below the task). */
export function taskCrumbs(cluster: string, taskId: string, service: string, under: Breadcrumb[] = []): Breadcrumb[] {
  const clusterHref = `/ecs/clusters/${encodeURIComponent(cluster)}`;
  const taskHref = `${clusterHref}/tasks/${encodeURIComponent(taskId)}`;
  return [
    { href: "/ecs/clusters", label: "Clusters" },
    { href: clusterHref, label: cluster },
    ...(service ? [{ href: `${clusterHref}/services/${encodeURIComponent(service)}`, label: service }] : []),
    { href: under.length ? taskHref : undefined, label: `Task ${taskId}` },
    ...under,
  ];
}
