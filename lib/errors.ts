// Expected failures carry a code from this small set; lib/http maps each code to an HTTP status in
// one place. Anything that is not an AppError is unexpected: logged, and shown as a generic error.
import type { ZodError } from "zod";

export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_STATE"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED";

export interface ErrorIssue {
  path: string;
  message: string;
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Extra data the caller may show, e.g. the current state on a version conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
}

export function validationError(error: ZodError, what = "The request"): AppError {
  const issues = zodIssues(error);
  const first = issues[0];
  const summary = first ? ` ${first.path}: ${first.message}` : "";
  return new AppError("VALIDATION", `${what} is not valid.${summary}`, issues);
}
