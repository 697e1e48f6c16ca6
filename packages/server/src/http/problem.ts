import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors.js';
import { labelFor } from './field-labels.js';
import { z } from './zod-setup.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), label: z.string().optional(), message: z.string() }))
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, messages in Vietnamese' });

export type Problem = z.infer<typeof ProblemSchema>;

/** The problems any API route may answer with, for its response schema. */
export const PROBLEM_RESPONSES = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

const TITLES: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu gửi lên quá lớn',
  415: 'Định dạng dữ liệu không được hỗ trợ',
  422: 'Không thể xử lý yêu cầu',
  423: 'Tài khoản bị khóa',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
};

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  problem: Omit<Problem, 'type' | 'title' | 'instance'>,
): void {
  void reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      title: TITLES[problem.status] ?? 'Lỗi',
      instance: req.url,
      ...problem,
    });
}

function describeField(path: string, req?: FastifyRequest): { field: string; label?: string } {
  // fastify prefixes nothing; the zod path is relative to the validated part
  const field = path.replace(/^\//, '').replaceAll('/', '.');
  const label = labelFor(path, req?.routeOptions.config.fieldLabels);
  return label ? { field, label } : { field };
}

/**
 * `appShell`, when given, answers the browser's own routes (any GET outside /api that is not a
 * file) with the web app, which routes on the client.
 */
export function registerProblemHandlers(
  app: FastifyInstance,
  appShell?: (reply: FastifyReply) => void,
): void {
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    const isFile = /\.[A-Za-z0-9]+$/.test(pathname);
    if (
      appShell &&
      req.method === 'GET' &&
      !isFile &&
      !pathname.startsWith('/api/') &&
      pathname !== '/api'
    ) {
      appShell(reply);
      return;
    }
    send(reply, req, {
      status: 404,
      code: 'route_not_found',
      detail: `Không có đường dẫn ${req.method} ${req.url.split('?')[0] ?? ''}`,
    });
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        ...describeField(v.instancePath, req),
        message: v.message ?? 'Không hợp lệ',
      }));
      const first = errors[0];
      const name = first
        ? first.label
          ? `"${first.label}" (${first.field})`
          : `"${first.field}"`
        : '';
      send(reply, req, {
        status: 400,
        code: 'validation_failed',
        detail: first ? `Trường ${name}: ${first.message}` : 'Dữ liệu không hợp lệ',
        errors,
      });
      return;
    }
    if (err instanceof AppError) {
      const errors = err.field
        ? [{ ...describeField(err.field, req), message: err.message }]
        : undefined;
      send(reply, req, {
        status: err.status,
        code: err.code,
        detail: err.message,
        ...(errors ? { errors } : {}),
      });
      return;
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response does not match its schema');
      send(reply, req, {
        status: 500,
        code: 'internal',
        detail: 'Đã có lỗi hệ thống; vui lòng thử lại sau.',
      });
      return;
    }
    const pgCode = (err as { code?: unknown }).code;
    if (pgCode === '23505' || pgCode === '23P01') {
      // a constraint caught what the service did not: still the user's conflict, not a crash
      send(reply, req, {
        status: 409,
        code: 'conflict',
        detail: 'Dữ liệu trùng hoặc chồng lấn với dữ liệu đã có',
      });
      return;
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      const detail = (err as { detail?: unknown }).detail;
      send(reply, req, {
        status,
        code: 'rate_limited',
        detail: typeof detail === 'string' ? detail : 'Quá nhiều yêu cầu; hãy thử lại sau ít phút',
      });
      return;
    }
    if (status >= 400 && status < 500) {
      const detail =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `Dữ liệu gửi lên vượt quá giới hạn cho phép (${Math.round((req.routeOptions.bodyLimit ?? 1024 * 1024) / (1024 * 1024))} MB)`
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Định dạng nội dung không được hỗ trợ; hãy gửi JSON'
            : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
                err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
              ? 'Nội dung JSON không hợp lệ'
              : 'Yêu cầu không hợp lệ';
      send(reply, req, { status, code: err.code ?? 'bad_request', detail });
      return;
    }
    req.log.error({ err }, 'unhandled error');
    send(reply, req, {
      status: 500,
      code: 'internal',
      detail: 'Đã có lỗi hệ thống; vui lòng thử lại sau.',
    });
  });
}
