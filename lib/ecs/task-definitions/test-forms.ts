/** Wizard form values as the browser posts them (strings), for the validation and plan tests. */
export const container = (over: Record<string, unknown> = {}) => ({
  name: "web",
  image: "nginx:1.27",
  essential: "true",
  cpu: "",
  memory: "",
  memoryReservation: "",
  stopTimeout: "",
  user: "",
  portMappings: [{ containerPort: "80", protocol: "tcp", name: "web-80-tcp", appProtocol: "http" }],
  environment: [],
  secrets: [],
  logs: { enabled: "true", group: "/ecs/web", streamPrefix: "ecs" },
  healthCheck: { enabled: "false", type: "CMD-SHELL", command: "", interval: "30", timeout: "5", retries: "3", startPeriod: "0" },
  ...over,
});

export const form = (over: Record<string, unknown> = {}) => ({
  connectionId: "c1",
  region: "us-east-1",
  family: "web",
  launchType: "FARGATE",
  osFamily: "LINUX",
  cpuArchitecture: "X86_64",
  networkMode: "awsvpc",
  cpu: "1024",
  memory: "3072",
  taskRoleMode: "none",
  taskRoleArn: "",
  executionRoleMode: "create",
  executionRoleArn: "",
  containers: [container()],
  ...over,
});

