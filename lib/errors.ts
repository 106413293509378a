/**
 * The one error vocabulary. Expected business outcomes are returned as typed results; an
 * AppError is for requests that cannot go on. Each code maps once to an HTTP status and to a
 * translated message under `Errors.<code>` in messages/*.json.
 */
export const ERROR_CODES = ["BAD_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "INTERNAL"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Field-level problems, as message keys, for forms. */
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
