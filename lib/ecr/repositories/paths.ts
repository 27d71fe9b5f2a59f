/** The repository page: each namespace part its own URL segment, so "team/web" reads as /ecr/repositories/team/web. */
export function repositoryPath(name: string): string {
  return `/ecr/repositories/${name.split("/").map(encodeURIComponent).join("/")}`;
}
