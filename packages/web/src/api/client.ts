import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

/** An error answered by the API as `application/problem+json`, messages in Vietnamese. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly fieldErrors: ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.fieldErrors = problem.errors ?? [];
  }
}

export const api = createClient<paths>({ baseUrl: '' });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toProblem(body: unknown, response: Response): Problem {
  if (isRecord(body) && typeof body.detail === 'string') {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is ProblemFieldError =>
            isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : undefined;
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : response.statusText,
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: body.detail,
      code: typeof body.code === 'string' ? body.code : 'unknown',
      errors,
    };
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Lỗi',
    status: response.status,
    detail:
      response.status >= 500 || response.status === 0
        ? 'Máy chủ đang bận hoặc không trả lời; vui lòng thử lại sau.'
        : `Yêu cầu không thực hiện được (mã ${response.status}).`,
    code: 'http_error',
  };
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Returns the body of a successful openapi-fetch call, or throws a
 * {@link ProblemError} built from the problem+json body of a failed one.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ProblemError({
      type: 'about:blank',
      title: 'Mất kết nối',
      status: 0,
      detail: 'Không kết nối được với máy chủ; vui lòng kiểm tra mạng và thử lại.',
      code: 'network',
    });
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ProblemError(toProblem(result.error, result.response));
  }
  return result.data as T;
}

/** The message to show a user for any error thrown by a call. */
export function errorMessage(err: unknown): string {
  if (err instanceof ProblemError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi không xác định.';
}
