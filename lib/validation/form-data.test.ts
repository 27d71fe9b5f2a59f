import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("builds nested objects and arrays from dotted names", () => {
    const fd = new FormData();
    fd.set("clusterName", "web");
    fd.set("tags.0.key", "team");
    fd.set("tags.0.value", "ops");
    fd.set("tags.2.key", "env");
    fd.set("tags.2.value", "prod");
    fd.set("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({
      clusterName: "web",
      tags: [
        { key: "team", value: "ops" },
        { key: "env", value: "prod" },
      ],
    });
  });
});
