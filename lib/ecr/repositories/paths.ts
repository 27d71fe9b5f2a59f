/** The repository page: each namespace part its own URL segment, so "team/web" reads as /ecr/repositories/team/web. */
export function repositoryPath(name: string): string {
  return `/ecr/repositories/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/** An image's page: its digest after the repository's path (a repository name never holds ":"). */
export function imagePath(name: string, digest: string): string {
  return `${repositoryPath(name)}/${encodeURIComponent(digest)}`;
}

/** The repository's lifecycle policy editor. */
export function lifecyclePath(name: string): string {
  return `/ecr/lifecycle/${name.split("/").map(encodeURIComponent).join("/")}`;
}
