import type { HostDetail } from "./reads";

/**
 * What a browser is sent of a host, live: everything the overview shows, and of the container's
 * environment the names only (values may be secrets and never leave the server, nor the relay).
 */
export type LiveHost = Omit<HostDetail, "userData" | "container" | "tags"> & {
  container: { image: string; hostPort: number; containerPort: number; restartPolicy: string; envNames: string[] } | null;
};

export function toLiveHost(host: HostDetail): LiveHost {
  const { userData: _userData, container, tags: _tags, ...rest } = host;
  return {
    ...rest,
    container: container
      ? { image: container.image, hostPort: container.hostPort, containerPort: container.containerPort, restartPolicy: container.restartPolicy, envNames: container.environment.map((e) => e.name) }
      : null,
  };
}
