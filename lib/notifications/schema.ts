import { z } from "zod";
import { EVENT_TYPE_NAMES } from "./event-types";
import { checkHost, checkTargetUrl, isLoopbackHost, type TargetPolicy } from "./url-guard";

export const CHANNEL_KINDS = ["slack", "smtp", "webhook"] as const;
export const TLS_MODES = ["starttls", "tls", "none"] as const;
export const RECIPIENTS_MAX = 20;
const SECRET_MAX = 512;

const text = (max: number, label: string) => z.string().trim().max(max, `${label} is at most ${max} characters.`).optional().default("");
const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).optional().transform((v) => v === "on" || v === "true");
const EMAIL = z.email();

/** The addresses of a To field: commas, semicolons or new lines between them. */
export function splitAddresses(raw: string): string[] {
  return raw.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * A channel as the admin's form sends it. Secrets (`urlSecret`, `smtpPassword`, `hmacSecret`) are
 * optional on edit: empty keeps the stored value; their names keep defineAction from echoing them.
 */
export function channelSchema(sandboxMode: () => boolean) {
  return z
    .object({
      id: z.string().max(64).optional(),
      name: z.string().trim().min(1, "Enter a name.").max(64, "Names are at most 64 characters."),
      kind: z.enum(CHANNEL_KINDS, { message: "Pick a kind of channel." }),
      urlSecret: z.string().trim().max(2048, "The URL can be at most 2048 characters.").optional().default(""),
      hmacSecret: z.string().max(SECRET_MAX, `The secret is at most ${SECRET_MAX} characters.`).optional().default(""),
      smtpHost: text(253, "The host"),
      smtpPort: z.string().trim().max(5).optional().default(""),
      tlsMode: z.enum(TLS_MODES, { message: "Pick how the connection is encrypted." }).optional().default("starttls"),
      smtpUser: text(256, "The user name"),
      smtpPassword: z.string().max(SECRET_MAX, `The password is at most ${SECRET_MAX} characters.`).optional().default(""),
      fromAddress: text(254, "The From address"),
      toAddresses: text(4000, "The To list"),
      allowPrivateTargets: checkbox,
    })
    .superRefine((v, ctx) => {
      const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const sandbox = sandboxMode();
      const policy: TargetPolicy = { allowPrivate: v.allowPrivateTargets, allowLoopback: sandbox };
      if (v.kind === "slack" || v.kind === "webhook") {
        if (v.urlSecret) {
          const why = checkTargetUrl(v.urlSecret, policy);
          if (why) need("urlSecret", why);
        } else if (!v.id) need("urlSecret", v.kind === "slack" ? "Enter the incoming webhook URL." : "Enter the URL to post to.");
      }
      if (v.kind === "webhook") {
        if (v.hmacSecret && v.hmacSecret.length < 16) need("hmacSecret", "Use a secret of at least 16 characters.");
        if (!v.hmacSecret && !v.id) need("hmacSecret", "Enter the signing secret (at least 16 characters).");
      }
      if (v.kind === "smtp") {
        const hostWhy = checkHost(v.smtpHost, policy);
        if (hostWhy) need("smtpHost", hostWhy);
        const port = Number(v.smtpPort);
        if (!/^\d{1,5}$/.test(v.smtpPort) || port < 1 || port > 65535) need("smtpPort", "The port is 1 to 65535 (587 for STARTTLS, 465 for TLS).");
        if (v.tlsMode === "none" && !(sandbox && isLoopbackHost(v.smtpHost))) need("tlsMode", "Mail goes encrypted: pick STARTTLS or TLS (no encryption only to this machine in sandbox mode).");
        if (v.smtpUser && !v.smtpPassword && !v.id) need("smtpPassword", "Enter the password for this user.");
        if (!EMAIL.safeParse(v.fromAddress).success) need("fromAddress", "Enter the sender address, e.g. portside@example.com.");
        const to = splitAddresses(v.toAddresses);
        if (to.length === 0) need("toAddresses", "Enter at least one recipient.");
        else if (to.length > RECIPIENTS_MAX) need("toAddresses", `At most ${RECIPIENTS_MAX} recipients.`);
        else {
          const bad = to.find((a) => !EMAIL.safeParse(a).success);
          if (bad) need("toAddresses", `"${bad.slice(0, 80)}" is not an e-mail address.`);
        }
      }
    });
}

export type ChannelInput = z.output<ReturnType<typeof channelSchema>>;

const eventList = z.array(z.enum(EVENT_TYPE_NAMES, { message: "Pick events from the list." })).max(EVENT_TYPE_NAMES.length).optional().default([]);
const scope = {
  connectionId: z.string().trim().max(64).optional().default(""),
  cluster: z.string().trim().max(255).regex(/^$|^[A-Za-z0-9_-]{1,255}$/, "Cluster names are letters, digits, - and _.").optional().default(""),
};

/** A channel's subscription: which events, optionally one connection and cluster. */
export const subscriptionSchema = z
  .object({ channelId: z.string().min(1, "Pick a channel.").max(64), events: eventList, ...scope })
  .refine((v) => v.events.length > 0, { path: ["events"], message: "Pick at least one event." });

/** A person's own e-mail subscription through an SMTP channel. */
export const mySubscriptionSchema = subscriptionSchema;

export const idSchema = z.object({ id: z.string().min(1).max(64) });
export const channelIdSchema = z.object({ channelId: z.string().min(1).max(64) });
