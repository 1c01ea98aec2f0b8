import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { describeFailure, fieldErrors } from "./use-api-error.ts";

describe("describeFailure", () => {
  const validation = new ApiError(
    400,
    "validation_failed",
    "Dữ liệu gửi lên không hợp lệ",
    "The request is not valid",
    [
      {
        path: "username",
        field: "username",
        message: "3–40 letters",
        messageVi: "Tối thiểu 3 ký tự",
        messageEn: "At least 3 characters",
      },
    ],
  );
  it("says what is wrong in the chosen language, without the developer's field paths", () => {
    expect(describeFailure(validation, "vi")).toBe("Dữ liệu gửi lên không hợp lệ: Tối thiểu 3 ký tự");
    expect(describeFailure(validation, "en")).toBe("The request is not valid: At least 3 characters");
  });
  it("reads the bilingual details of domain checks", () => {
    const e = new ApiError(400, "validation_rules_failed", "Chưa đạt", "Fails", [
      { field: "values.X.total", messageVi: "Phải là số", messageEn: "Must be a number" },
      { messageVi: "Tổng phải bằng", messageEn: "Total must equal" },
    ]);
    expect(describeFailure(e, "vi")).toBe("Chưa đạt: Phải là số; Tổng phải bằng");
    expect(describeFailure(e, "en")).toBe("Fails: Must be a number; Total must equal");
    expect(describeFailure(e, "vi")).not.toContain("values.");
  });
  it("gives the plain message otherwise, and says when the server cannot be reached", () => {
    expect(describeFailure(new ApiError(409, "conflict", "Đã có", "Exists", null), "vi")).toBe("Đã có");
    expect(describeFailure(new TypeError("Failed to fetch"), "vi")).toContain("Không kết nối được máy chủ");
  });
});

describe("fieldErrors", () => {
  it("gives each field at fault its message, for the page to show under its input", () => {
    const e = new ApiError(400, "bad_request", "Sai", "Wrong", [
      { field: "deadline", messageVi: "Hạn phải sau ngày chốt", messageEn: "After the cut-off" },
      {
        path: "title",
        message: "Too big",
        messageVi: "Tối đa 300 ký tự",
        messageEn: "At most 300 characters",
      },
    ]);
    expect(fieldErrors(e, "vi")).toEqual({ deadline: "Hạn phải sau ngày chốt", title: "Tối đa 300 ký tự" });
    expect(fieldErrors(e, "en").title).toBe("At most 300 characters");
    // a refusal about one field carries its message as the answer's own
    expect(
      fieldErrors(new ApiError(400, "x", "Hạn sai", "Bad deadline", { field: "deadline" }), "en"),
    ).toEqual({
      deadline: "Bad deadline",
    });
  });
});
