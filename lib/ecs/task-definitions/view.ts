/** A task definition as DescribeTaskDefinition answers it, in the shape the pages read. */
export type ContainerView = {
  name: string;
  image: string;
  essential?: boolean;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  stopTimeout?: number;
  user?: string;
  portMappings?: { containerPort?: number; hostPort?: number; protocol?: string; name?: string; appProtocol?: string }[];
  environment?: { name?: string; value?: string }[];
  secrets?: { name?: string; valueFrom?: string }[];
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
  healthCheck?: { command?: string[]; interval?: number; timeout?: number; retries?: number; startPeriod?: number };
  [key: string]: unknown;
};

export type TaskDefinitionView = {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: string;
  requiresCompatibilities?: string[];
  networkMode?: string;
  cpu?: string;
  memory?: string;
  runtimePlatform?: { operatingSystemFamily?: string; cpuArchitecture?: string };
  taskRoleArn?: string;
  executionRoleArn?: string;
  containerDefinitions: ContainerView[];
  registeredAt?: string;
  registeredBy?: string;
  /** DescribeTaskDefinition's tags (include TAGS), answered beside the definition. */
  tags?: { key?: string; value?: string }[];
  [key: string]: unknown;
};

// Fields that change with every revision or that AWS adds; left out when comparing revisions.
const VOLATILE = ["taskDefinitionArn", "revision", "status", "registeredAt", "registeredBy", "deregisteredAt", "requiresAttributes", "compatibilities"];

/** The definition as registered: what differs between two revisions is what someone changed. */
export function registrableJson(def: TaskDefinitionView): Record<string, unknown> {
  return Object.fromEntries(Object.entries(def).filter(([k]) => !VOLATILE.includes(k)));
}
