import { describe, expect, it } from "vitest";
import { pushCommands, pushPolicy, registryHost } from "./push-commands";

describe("push commands", () => {
  it("log in to the repository's registry and push to its URI, as the console shows", () => {
    const uri = `${registryHost("123456789012", "eu-west-1")}/team/web`;
    const commands = pushCommands(uri, "eu-west-1").map((c) => c.command);
    expect(commands).toEqual([
      "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com",
      "docker build -t team/web .",
      "docker tag team/web:latest 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:latest",
      "docker push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:latest",
    ]);
    expect(registryHost("123456789012", "cn-north-1")).toBe("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");
  });

  it("grant a CI role the token registry-wide and push actions on this repository only", () => {
    const policy = JSON.parse(pushPolicy("arn:aws:ecr:eu-west-1:123456789012:repository/team/web"));
    expect(policy.Statement[0]).toEqual({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" });
    expect(policy.Statement[1].Resource).toBe("arn:aws:ecr:eu-west-1:123456789012:repository/team/web");
    expect(policy.Statement[1].Action).toContain("ecr:PutImage");
  });
});
