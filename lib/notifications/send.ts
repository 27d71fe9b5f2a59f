import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import { refusedAddress, checkHost, checkTargetUrl, type TargetPolicy } from "./url-guard";

const TIMEOUT_MS = 10_000;
const BODY_SHOWN = 300;

/** A failed send: `code` is the HTTP status or SMTP reply code when the far end answered. */
export class SendError extends Error {
  constructor(message: string, readonly code: number | null, readonly permanent = false) {
    super(message);
  }
}

/**
 * A DNS lookup that refuses names resolving to addresses the policy forbids, used as the socket's
 * own lookup so the address checked is the address connected to (no rebinding between the two).
 */
function guardedLookup(policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const bad = addresses.map((a) => [a.address, refusedAddress(a.address, policy)] as const).find(([, why]) => why);
      if (bad || addresses.length === 0) {
        const refused = new SendError(bad ? `${hostname} resolves to ${bad[0]}, which ${bad[1]}.` : `${hostname} has no address.`, null, true);
        return callback(refused as unknown as NodeJS.ErrnoException, "", 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** POSTs a JSON body; resolves with the status on 2xx, throws SendError otherwise. Redirects are not followed. */
export function postJson(url: string, body: string, headers: Record<string, string>, policy: TargetPolicy): Promise<number> {
  const why = checkTargetUrl(url, policy);
  if (why) return Promise.reject(new SendError(`Refused target: ${why}`, null, true));
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Portside-Notifications/1", ...headers },
      lookup: guardedLookup(policy),
      timeout: TIMEOUT_MS,
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (text.length < BODY_SHOWN) text += chunk;
      });
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(status);
        else reject(new SendError(`HTTP ${status}${text ? `: ${text.slice(0, BODY_SHOWN).replace(/\s+/g, " ").trim()}` : ""}`, status, status >= 400 && status < 500 && status !== 429));
      });
    });
    req.on("timeout", () => req.destroy(new SendError(`No answer within ${TIMEOUT_MS / 1000} s.`, null)));
    req.on("error", (error) => reject(error instanceof SendError ? error : new SendError(error.message, null)));
    req.end(body);
  });
}

export type MailSettings = { host: string; port: number; tlsMode: "starttls" | "tls" | "none"; user: string; password?: string; from: string };

/** Sends one e-mail over SMTP; resolves with the server's reply code. */
export async function sendMail(settings: MailSettings, to: string[], subject: string, text: string, policy: TargetPolicy): Promise<number> {
  const why = checkHost(settings.host, policy);
  if (why) throw new SendError(`Refused SMTP host: ${why}`, null, true);
  const address = await new Promise<string>((resolve, reject) =>
    guardedLookup(policy)(settings.host, {}, (error, addr) => (error ? reject(error) : resolve(addr as string))),
  );
  const transport = nodemailer.createTransport({
    host: address,
    port: settings.port,
    secure: settings.tlsMode === "tls",
    requireTLS: settings.tlsMode === "starttls",
    ignoreTLS: settings.tlsMode === "none",
    // The certificate is checked against the name the admin typed, not the address connected to.
    tls: { servername: settings.host },
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: settings.from, to, subject, text });
    const code = Number(/^(\d{3})/.exec(String(info.response ?? ""))?.[1] ?? 250);
    return code;
  } catch (error) {
    const e = error as { responseCode?: number; message?: string };
    throw new SendError(e.message ?? "SMTP send failed", e.responseCode ?? null, e.responseCode !== undefined && e.responseCode >= 500);
  } finally {
    transport.close();
  }
}
