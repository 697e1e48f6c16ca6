// The end-to-end tests drive Debian's Chromium; say so loudly, before anything else runs, when it is missing.
import fs from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(path)) {
  const line = '!'.repeat(78);
  console.error(
    `\n${line}\n  Không tìm thấy Chromium tại ${path}: các kiểm thử đầu-cuối (e2e) cần nó.\n  Chromium was not found at ${path}; the end-to-end tests need it.\n  Cài đặt / install:  apt-get update && apt-get install -y chromium\n  (.ci/run làm việc này tự động / does this automatically)\n${line}\n`,
  );
  process.exit(1);
}
