import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { describeFailure } from "./use-api-error.ts";

describe("describeFailure", () => {
  const validation = new ApiError(
    400,
    "validation_failed",
    "Dữ liệu gửi lên không hợp lệ",
    "The request is not valid",
    [{ path: "username", message: "3–40 letters" }],
  );
  it("names the fields at fault, in the chosen language", () => {
    expect(describeFailure(validation, "vi")).toBe("Dữ liệu gửi lên không hợp lệ — username: 3–40 letters");
    expect(describeFailure(validation, "en")).toBe("The request is not valid — username: 3–40 letters");
  });
  it("gives the plain message otherwise", () => {
    expect(describeFailure(new ApiError(409, "conflict", "Đã có", "Exists", null), "vi")).toBe("Đã có");
    expect(describeFailure(new Error("offline"), "vi")).toBe("Error: offline");
  });
});
