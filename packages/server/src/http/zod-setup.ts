import { z } from 'zod';

// Vietnamese messages for every validation failure; a missing value reads as "required"
// rather than the locale's generic "expected string, received undefined".
z.config(z.locales.vi());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'Bắt buộc phải nhập';
    return undefined;
  },
});

export { z };
