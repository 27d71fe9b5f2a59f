import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER, PROTO_HEADER } from "./stamp-headers";

/**
 * Facts about the current request that a client cannot forge. `npm start` runs Next with a
 * preload (scripts/lib/request-stamp.cjs) that, before Next sees a request, deletes any
 * client-sent copies of these headers and sets them from the socket — or, when the socket's
 * peer is a trusted proxy (PORTSIDE_TRUSTED_PROXIES), from its X-Forwarded-For / -Proto.
 * Without the preload (e.g. `next dev`) both are unknown and Portside assumes plain http.
 */
export { CLIENT_IP_HEADER, PROTO_HEADER };

/** The client's address, or null when the server was started without the preload. */
export async function clientAddress(): Promise<string | null> {
  return (await headers()).get(CLIENT_IP_HEADER) || null;
}

/** True when the browser reached Portside over https (directly or through a trusted proxy). */
export async function requestIsHttps(): Promise<boolean> {
  if (process.env.PORTSIDE_SECURE_COOKIES === "true") return true;
  return (await headers()).get(PROTO_HEADER) === "https";
}
