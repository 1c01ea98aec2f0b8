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
  it("reads the bilingual details of domain checks", () => {
    const e = new ApiError(400, "validation_rules_failed", "Chưa đạt", "Fails", [
      { field: "values.X.total", messageVi: "Phải là số", messageEn: "Must be a number" },
      { messageVi: "Tổng phải bằng", messageEn: "Total must equal" },
    ]);
    expect(describeFailure(e, "vi")).toBe("Chưa đạt — values.X.total: Phải là số; Tổng phải bằng");
    expect(describeFailure(e, "en")).toBe("Fails — values.X.total: Must be a number; Total must equal");
  });
  it("gives the plain message otherwise", () => {
    expect(describeFailure(new ApiError(409, "conflict", "Đã có", "Exists", null), "vi")).toBe("Đã có");
    expect(describeFailure(new Error("offline"), "vi")).toBe("Error: offline");
  });
});
