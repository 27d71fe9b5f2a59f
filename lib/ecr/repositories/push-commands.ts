/** Registry host and repository URI of a private repository: <account>.dkr.ecr.<region>.amazonaws.com/<name>. */
export function registryHost(account: string, region: string): string {
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `${account}.dkr.ecr.${region}.${suffix}`;
}

/** The console's "View push commands" for Docker, for this repository's account and region. */
export function pushCommands(repositoryUri: string, region: string, tag = "latest"): { title: string; command: string }[] {
  const host = repositoryUri.split("/")[0]!;
  const name = repositoryUri.slice(host.length + 1);
  return [
    {
      title: "Retrieve an authentication token and authenticate your Docker client to your registry",
      command: `aws ecr get-login-password --region ${region} | docker login --username AWS --password-stdin ${host}`,
    },
    { title: "Build your Docker image (skip this step if it is already built)", command: `docker build -t ${name} .` },
    { title: "Tag your image so you can push it to this repository", command: `docker tag ${name}:${tag} ${repositoryUri}:${tag}` },
    { title: "Push the image to this repository", command: `docker push ${repositoryUri}:${tag}` },
  ];
}

/**
 * The policy a CI role needs to push to this repository: a registry-wide token, and the layer and
 * image actions on this repository only (the actions the console's push documentation lists).
 */
export function pushPolicy(repositoryArn: string): string {
  return JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
          Effect: "Allow",
          Action: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload",
            "ecr:PutImage",
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer",
          ],
          Resource: repositoryArn,
        },
      ],
    },
    null,
    2,
  );
}
