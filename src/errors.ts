/** The one error shape of danvan, shared by every entry point (the HTTP API, the CLI): `{error:{code, message_vi, message_en, details}}`. @module */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: unknown = null,
  ) {
    super(messageEn);
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message_vi: this.messageVi,
        message_en: this.messageEn,
        details: this.details,
      },
    };
  }
}

export const errors = {
  badRequest: (vi: string, en: string, details: unknown = null) =>
    new AppError(400, "bad_request", vi, en, details),
  validation: (details: unknown) =>
    new AppError(
      400,
      "validation_failed",
      "Dữ liệu gửi lên không hợp lệ",
      "The request is not valid",
      details,
    ),
  unauthenticated: () => new AppError(401, "unauthenticated", "Bạn cần đăng nhập", "You need to log in"),
  forbidden: () =>
    new AppError(
      403,
      "forbidden",
      "Bạn không có quyền thực hiện thao tác này",
      "You are not permitted to do this",
    ),
  notFound: (what: string, id: string) =>
    new AppError(404, "not_found", `Không tìm thấy ${what}: ${id}`, `Not found: ${what} ${id}`, { id }),
  notFoundOrForbidden: (id: string) =>
    new AppError(
      404,
      "not_found_or_forbidden",
      `Không tìm thấy hoặc bạn không có quyền: ${id}`,
      `Not found or not permitted: ${id}`,
      { id },
    ),
  stale: (current: number) =>
    new AppError(
      409,
      "version_conflict",
      "Dữ liệu đã được người khác thay đổi; hãy tải lại rồi sửa tiếp",
      "Someone else changed this record; reload and try again",
      { currentVersion: current },
    ),
  conflict: (vi: string, en: string, details: unknown = null) =>
    new AppError(409, "conflict", vi, en, details),
  tooLarge: () =>
    new AppError(413, "payload_too_large", "Dữ liệu gửi lên quá lớn", "The request body is too large"),
  rateLimited: (seconds: number) =>
    new AppError(
      429,
      "rate_limited",
      `Sai mật khẩu quá nhiều lần nên tài khoản tạm khóa; thử lại sau ${seconds} giây`,
      `Too many wrong passwords: the account is locked; try again in ${seconds} seconds`,
      { retryAfter: seconds },
    ),
};
