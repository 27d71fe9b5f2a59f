// Sandbox SNS e-mail confirmation: moto confirms every subscription at once, while AWS mails an
// e-mail (or email-json) endpoint a link and keeps the subscription pending until it is followed.
// The gateway remembers each new e-mail subscription as pending and answers as AWS does:
//   - Subscribe: SubscriptionArn "pending confirmation" (the real ARN only with ReturnSubscriptionArn=true);
//   - ListSubscriptionsByTopic / ListSubscriptions: SubscriptionArn "PendingConfirmation";
//   - GetSubscriptionAttributes: PendingConfirmation "true";
//   - nothing is delivered to it (sandbox/events.mjs takes pendingNow() as a message is published).
// POST /_sandbox/sns/confirm {"subscriptionArn"} or {"topicArn","endpoint"} follows the link.
const WATCHED = new Set(["Subscribe", "ListSubscriptionsByTopic", "ListSubscriptions", "GetSubscriptionAttributes", "Unsubscribe"]);
const MAX_PENDING = 5_000;

const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export class SnsSubscriptions {
  /** subscription ARN → { topicArn, endpoint } */
  #pending = new Map();

  watches(ident) {
    return ident.service === "sns" && WATCHED.has(ident.operation);
  }

  isPending(subscriptionArn) {
    return this.#pending.has(subscriptionArn);
  }

  /** The subscriptions pending now: a message is judged by when it was published, not when it is mailed. */
  pendingNow() {
    return new Set(this.#pending.keys());
  }

  /** Follow the confirmation link: by ARN, or by topic and address. Returns the ARNs confirmed. */
  confirm({ subscriptionArn, topicArn, endpoint } = {}) {
    const done = [];
    for (const [arn, s] of this.#pending) {
      if (subscriptionArn ? arn === subscriptionArn : s.topicArn === topicArn && s.endpoint === endpoint) done.push(arn);
    }
    for (const arn of done) this.#pending.delete(arn);
    return done;
  }

  /** moto's answer to a watched call, rewritten as AWS answers for pending subscriptions (undefined: unchanged). */
  after(ident, body, status, text) {
    if (status < 200 || status >= 300 || !this.watches(ident)) return undefined;
    const form = new URLSearchParams(body.toString("utf8"));
    switch (ident.operation) {
      case "Subscribe": {
        const protocol = form.get("Protocol") ?? "";
        if (protocol !== "email" && protocol !== "email-json") return undefined;
        const arn = decode(/<SubscriptionArn>([^<]*)<\/SubscriptionArn>/.exec(text)?.[1] ?? "");
        if (!arn || arn === "pending confirmation") return undefined;
        if (this.#pending.size >= MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value);
        this.#pending.set(arn, { topicArn: form.get("TopicArn") ?? "", endpoint: form.get("Endpoint") ?? "" });
        if (form.get("ReturnSubscriptionArn") === "true") return undefined;
        return text.replace(/<SubscriptionArn>[^<]*<\/SubscriptionArn>/, "<SubscriptionArn>pending confirmation</SubscriptionArn>");
      }
      case "ListSubscriptionsByTopic":
      case "ListSubscriptions":
        return text.replace(/<SubscriptionArn>([^<]*)<\/SubscriptionArn>/g, (whole, arn) => (this.#pending.has(decode(arn)) ? "<SubscriptionArn>PendingConfirmation</SubscriptionArn>" : whole));
      case "GetSubscriptionAttributes": {
        if (!this.#pending.has(form.get("SubscriptionArn") ?? "")) return undefined;
        return text.replace(/(<key>PendingConfirmation<\/key>\s*<value>)[^<]*(<\/value>)/, "$1true$2");
      }
      case "Unsubscribe":
        this.#pending.delete(form.get("SubscriptionArn") ?? "");
        return undefined;
      default:
        return undefined;
    }
  }

  state() {
    return { pending: [...this.#pending].map(([subscriptionArn, s]) => ({ subscriptionArn, ...s })) };
  }

  reset() {
    this.#pending.clear();
  }
}
