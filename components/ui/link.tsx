import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every in-app link. It never prefetches: a prefetch renders the target page on the server, and
 * Portside's pages read AWS, so links in view (the logo, a table of 50 clusters) would call AWS for
 * pages nobody opened, again each time the router's prefetch cache expires. Navigation stays
 * client-side; the page is fetched when the link is followed.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
