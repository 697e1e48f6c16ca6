import { AppError } from '../../shared/errors.js';

/** A file or request the import cannot take as it is (the file is refused, nothing is kept). */
export const unprocessable = (field: string, message: string): AppError =>
  new AppError(422, 'unprocessable', message, field);

export const tooLarge = (message: string): AppError =>
  new AppError(413, 'too_large', message, 'file');
