import { describe, expect, it } from "vitest";
import { mergeEnv, parseEnvFile } from "./env-file";

describe("parseEnvFile", () => {
  it("reads plain, quoted, exported and commented lines", () => {
    const text = [
      "# database",
      "DB_HOST=db.internal",
      "export PORT=8080",
      'GREETING="hello\\nworld"',
      "LITERAL='a\\nb # not a comment'",
      "TRAILING=value # a comment",
      "EMPTY=",
      "",
      "URL=http://x/?a=b=c",
    ].join("\n");
    expect(parseEnvFile(text)).toEqual({
      vars: [
        { name: "DB_HOST", value: "db.internal" },
        { name: "PORT", value: "8080" },
        { name: "GREETING", value: "hello\nworld" },
        { name: "LITERAL", value: "a\\nb # not a comment" },
        { name: "TRAILING", value: "value" },
        { name: "EMPTY", value: "" },
        { name: "URL", value: "http://x/?a=b=c" },
      ],
      errors: [],
    });
  });

  it("keeps multi-line double-quoted values and CRLF files", () => {
    expect(parseEnvFile('KEY="line1\r\nline2"\r\nNEXT=1\r\n').vars).toEqual([
      { name: "KEY", value: "line1\nline2" },
      { name: "NEXT", value: "1" },
    ]);
  });

  it("lets a later line win and reports bad lines with their numbers", () => {
    const result = parseEnvFile("A=1\nnot a pair\n1BAD=x\nA=2\nQ=\"open");
    expect(result.vars).toEqual([{ name: "A", value: "2" }]);
    expect(result.errors).toEqual([
      { line: 2, message: "Expected NAME=value." },
      { line: 3, message: "1BAD is not a valid variable name." },
      { line: 5, message: "The double quote is never closed." },
    ]);
  });
});

describe("mergeEnv", () => {
  it("replaces same names in place, appends new ones and drops empty rows", () => {
    expect(mergeEnv([{ name: "A", value: "1" }, { name: "", value: "" }, { name: "B", value: "2" }], [{ name: "B", value: "3" }, { name: "C", value: "4" }])).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "3" },
      { name: "C", value: "4" },
    ]);
  });
});
