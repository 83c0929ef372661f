import { expect, test } from "vitest";
import type { Diagnostic } from "../backend/studio";
import { byField, deepestField, relativeTo } from "./problems";

const diag = (location: string) => ({ severity: "ERROR", code: "X", message: location, location }) as Diagnostic;

test("locations relative to the state", () => {
  expect(relativeTo("/States/A/Retry/0", "/States/A")).toBe("/Retry/0");
  expect(relativeTo("/States/A", "/States/A")).toBe("");
  expect(relativeTo("/States/AB/Next", "/States/A")).toBeNull();
  expect(relativeTo("/TimeoutSeconds", "")).toBe("/TimeoutSeconds");
});

test("the deepest field holding the location", () => {
  const fields = ["/Retry", "/Retry/0", "/Retry/0/MaxAttempts", "/Comment"];
  expect(deepestField("/Retry/0/MaxAttempts", fields)).toBe("/Retry/0/MaxAttempts");
  expect(deepestField("/Retry/0/Unknown", fields)).toBe("/Retry/0");
  expect(deepestField("/Retry/01", fields)).toBe("/Retry");
  expect(deepestField("/Next", fields)).toBeNull();
});

test("diagnostics grouped by field, the rest on the state", () => {
  const m = byField([diag("/States/A/Comment"), diag("/States/A/Next"), diag("/States/B/Comment")], "/States/A", ["/Comment"]);
  expect(m.get("/Comment")?.map((d) => d.location)).toEqual(["/States/A/Comment"]);
  expect(m.get("")?.map((d) => d.location)).toEqual(["/States/A/Next"]);
  expect(m.size).toBe(2);
});
