import { describe, expect, it } from "vitest";
import { plainText, slackEscape, slackPayload, subjectOf, webhookBody } from "./render";

const message = {
  id: "ev1", type: "service.deployment.rolled_back", title: "web: rolled back to web:3", at: new Date("2026-12-07T02:00:00Z"),
  detail: { service: "web", cluster: "prod", connection: "Production", reason: "ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1", extra: "" },
};

describe("message rendering", () => {
  it("Slack text leads with the event, lists the facts in a fixed order, escapes &, < and >", () => {
    const { text } = slackPayload({ ...message, title: "a <b> & c" });
    expect(text.split("\n")[0]).toBe("*Deployment rolled back by the circuit breaker*: a &lt;b&gt; &amp; c");
    expect(text.split("\n").slice(1, 3)).toEqual(["• connection: Production", "• cluster: prod"]);
    expect(text).not.toContain("extra");
    expect(slackEscape("<!channel>")).toBe("&lt;!channel&gt;");
  });

  it("e-mail subject is one line and bounded; the body ends with the time", () => {
    expect(subjectOf({ ...message, title: "line\r\nBcc: x@y" })).toBe("[Portside] Deployment rolled back by the circuit breaker: line Bcc: x@y");
    expect(subjectOf({ ...message, title: "x".repeat(500) }).length).toBe(200);
    expect(plainText(message)).toMatch(/^Deployment rolled back by the circuit breaker: web: rolled back to web:3\n/);
    expect(plainText(message)).toContain("at 2026-12-07T02:00:00.000Z");
  });

  it("the webhook body is the JSON the signature covers", () => {
    const parsed = JSON.parse(webhookBody(message));
    expect(parsed).toMatchObject({ id: "ev1", type: "service.deployment.rolled_back", at: "2026-12-07T02:00:00.000Z", detail: { service: "web" } });
  });

  it("long details are clipped", () => {
    expect(plainText({ ...message, detail: { reason: "r".repeat(2000) } })).toContain(`reason: ${"r".repeat(499)}…`);
  });
});
