/**
 * Which log URLs Portside fetches on a person's behalf: only what RetrieveEnvironmentInfo handed
 * out, and only on the connection's own endpoint (a local or private AWS endpoint) or on Amazon S3
 * over HTTPS. Never a URL a browser sent: the download route looks the URL up itself, and this
 * check stops a hostile or confused answer from turning Portside into a proxy.
 */
export const LOG_LIMITS = { tailBytes: 256 * 1024, bundleBytes: 64 * 1024 * 1024, urlLength: 4096 } as const;

const S3_HOST = /^(?:[a-z0-9][a-z0-9.-]{1,62}\.)?s3(?:[.-](?:dualstack|external-1|[a-z]{2}(?:-[a-z]+)+-\d))*\.amazonaws\.com(?:\.cn)?$/;

export function allowedLogUrl(raw: string, endpointUrl: string | null | undefined): URL | null {
  if (typeof raw !== "string" || raw.length > LOG_LIMITS.urlLength) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (endpointUrl) {
    let endpoint: URL | null = null;
    try {
      endpoint = new URL(endpointUrl);
    } catch {
      endpoint = null;
    }
    if (endpoint && url.origin === endpoint.origin && (url.protocol === "http:" || url.protocol === "https:")) return url;
  }
  if (url.protocol !== "https:" || (url.port && url.port !== "443")) return null;
  return S3_HOST.test(url.hostname) ? url : null;
}
