/** A failure the user can act on; rendered as application/problem+json with a Vietnamese message. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError =>
  new AppError(404, 'not_found', `Không tìm thấy ${what}`);

export const invalid = (field: string, message: string): AppError =>
  new AppError(400, 'invalid', message, field);

export const conflict = (message: string, field?: string): AppError =>
  new AppError(409, 'conflict', message, field);
