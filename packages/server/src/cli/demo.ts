import { openDatabase } from '../db/bootstrap.js';
import { loadDemoAccountsIfMissing } from '../demo/accounts.js';
import { loadDemo } from '../demo/loader.js';
import { loadDemoPeopleIfEmpty } from '../demo/people-loader.js';
import { loadDemoReporting } from '../demo/reporting.js';
import { organizationRepository } from '../modules/organizations/organization.repository.js';

const opened = await openDatabase((m) => console.log(m));
try {
  if ((await organizationRepository.count(opened.db)) > 0) {
    console.error('Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.');
    console.error(
      'Để làm lại từ đầu: dừng máy chủ, xóa thư mục data/ rồi chạy lại `npm run demo`.',
    );
    process.exitCode = 1;
  } else {
    const r = await loadDemo(opened.db);
    const people = await loadDemoPeopleIfEmpty(opened.db);
    const accounts = await loadDemoAccountsIfMissing(opened.db);
    const reporting = await loadDemoReporting(opened.db);
    console.log(
      `Đã nạp dữ liệu mẫu: ${r.organizations} tổ chức, ${r.events} sự kiện, ${people} người, ${accounts} tài khoản mẫu, ${reporting?.activities ?? 0} hoạt động, ${reporting?.submissions ?? 0} báo cáo.`,
    );
  }
} finally {
  await opened.close();
}
