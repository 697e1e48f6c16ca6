import { openDatabase } from '../db/bootstrap.js';

// openDatabase migrates and syncs reference data; this command does only that.
const opened = await openDatabase((m) => console.log(m));
console.log('Cơ sở dữ liệu đã ở phiên bản mới nhất.');
await opened.close();
