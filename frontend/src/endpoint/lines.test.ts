import { describe, expect, test } from "vitest";
import { duration, exportLines, parsePort } from "./lines";

describe("endpoint lines", () => {
  test("env lines become shell exports, in order", () => {
    expect(
      exportLines({
        env: [
          { name: "AWS_ENDPOINT_URL_SFN", value: "http://127.0.0.1:8083" },
          { name: "AWS_REGION", value: "us-east-1" },
        ],
      }),
    ).toBe("export AWS_ENDPOINT_URL_SFN=http://127.0.0.1:8083\nexport AWS_REGION=us-east-1");
  });
  test.each([
    [0.42, "0.4 ms"],
    [12.4, "12 ms"],
    [1234, "1.2 s"],
  ])("%f ms reads %s", (ms, want) => expect(duration(ms)).toBe(want));
  test.each([
    ["8083", { port: 8083 }],
    [" 0 ", { port: 0 }],
    ["80a", { error: expect.stringContaining("number") }],
    ["70000", { error: expect.stringContaining("65535") }],
  ])("port %j", (text, want) => expect(parsePort(text)).toEqual(want));
});
