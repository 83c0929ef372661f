import { describe, expect, it } from "vitest";
import { s3FolderProblem } from "./S3FolderSection";

describe("s3FolderProblem", () => {
  it.each([
    ["", null],
    ["s3", null],
    ["data/s3", null],
    ["/srv/s3", "full path"],
    ["C:\\s3", "full path"],
    ["../s3", "no .."],
    ["a/../../b", "no .."],
  ])("%s", (dir, want) => {
    const got = s3FolderProblem(dir);
    if (want === null) expect(got).toBeNull();
    else expect(got).toContain(want);
  });
});
