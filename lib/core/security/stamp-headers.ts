// Names of the request headers scripts/lib/request-stamp.cjs sets from the socket. Kept apart from
// request-info.ts (server-only, next/headers) so that proxy.ts can read them too.
export const CLIENT_IP_HEADER = "x-portside-client-ip";
export const PROTO_HEADER = "x-portside-proto";
/** The path and query of the page being rendered, set by proxy.ts (a client's own value is overwritten). */
export const PATH_HEADER = "x-portside-path";
