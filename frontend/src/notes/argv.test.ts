import { describe, expect, it } from "vitest";
import { joinCommand, splitCommand } from "./argv";

describe("splitCommand", () => {
  it.each([
    ["./validate.sh --strict", ["./validate.sh", "--strict"]],
    [`/bin/sh -c 'echo {"valid": true}'`, ["/bin/sh", "-c", 'echo {"valid": true}']],
    [`node "my script.js"  a\\ b ''`, ["node", "my script.js", "a b", ""]],
    [`echo "say \\"hi\\""`, ["echo", 'say "hi"']],
    ["  ", []],
  ])("%s", (line, want) => {
    expect(splitCommand(line)).toEqual({ argv: want, error: null });
    expect(splitCommand(joinCommand(want)).argv).toEqual(want);
  });
  it("refuses an unclosed quote", () => {
    expect(splitCommand("echo 'oops").error).toMatch(/single quote/);
  });
});
