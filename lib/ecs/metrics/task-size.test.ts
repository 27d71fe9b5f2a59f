import { describe, expect, it } from "vitest";
import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import { formatCpu, formatMemory, taskSizeOf } from "./task-size";

const base: TaskDefinitionView = { taskDefinitionArn: "arn", family: "web", revision: 3, status: "ACTIVE", containerDefinitions: [] };

describe("taskSizeOf", () => {
  it("takes the task-level size when the definition sets one (Fargate)", () => {
    expect(taskSizeOf({ ...base, cpu: "256", memory: "512", containerDefinitions: [{ name: "a", image: "x", cpu: 128, memory: 256 }] })).toEqual({
      taskDefinition: "web:3",
      cpuUnits: 256,
      memoryMiB: 512,
      source: "task",
    });
  });

  it("sums the containers otherwise, a hard memory limit before the soft one", () => {
    const def = { ...base, containerDefinitions: [{ name: "a", image: "x", cpu: 512, memory: 1024 }, { name: "b", image: "y", cpu: 0, memoryReservation: 256 }] };
    expect(taskSizeOf(def)).toEqual({ taskDefinition: "web:3", cpuUnits: 512, memoryMiB: 1280, source: "containers" });
  });

  it("says when nothing reserves CPU", () => {
    const def = { ...base, containerDefinitions: [{ name: "a", image: "x", memory: 300 }] };
    expect(taskSizeOf(def)).toMatchObject({ cpuUnits: null, memoryMiB: 300 });
  });
});

describe("formatCpu and formatMemory", () => {
  it("reads like the console", () => {
    expect(formatCpu(256)).toBe("0.25 vCPU (256 units)");
    expect(formatCpu(2048)).toBe("2 vCPU (2048 units)");
    expect(formatCpu(null)).toBe("not reserved");
    expect(formatMemory(512)).toBe("512 MiB");
    expect(formatMemory(3072)).toBe("3 GiB");
    expect(formatMemory(1536)).toBe("1.5 GiB");
  });
});
