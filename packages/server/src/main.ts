import { resolveAuthSecret } from './config.js';
import { openDatabase } from './db/bootstrap.js';
import { loadDemoAccountsIfMissing } from './demo/accounts.js';
import { loadDemoPeopleIfEmpty } from './demo/people-loader.js';
import { issueSetupToken } from './modules/auth/setup.routes.js';
import { loadDemoIfEmpty } from './demo/loader.js';
import { loadDemoReporting } from './demo/reporting.js';
import { buildApp } from './http/app.js';

const log = (msg: string): void => console.log(`[lienhiep] ${msg}`);

async function main(): Promise<void> {
  const opened = await openDatabase(log);
  const { db, config } = opened;
  if (config.loadDemo) {
    const loaded = await loadDemoIfEmpty(db, log);
    if (loaded)
      log(`Đã nạp dữ liệu mẫu: ${loaded.organizations} tổ chức, ${loaded.events} sự kiện`);
    const people = await loadDemoPeopleIfEmpty(db);
    if (people > 0) log(`Đã nạp ${people} hội viên, lãnh đạo và chuyên gia mẫu`);
    const accounts = await loadDemoAccountsIfMissing(db);
    if (accounts > 0) log(`Đã tạo ${accounts} tài khoản mẫu (xem README)`);
    const reporting = await loadDemoReporting(db);
    if (reporting)
      log(
        `Đã nạp ${reporting.activities} hoạt động, ${reporting.rounds} kỳ báo cáo và ${reporting.submissions} báo cáo mẫu`,
      );
  } else {
    const token = await issueSetupToken(db);
    if (token) {
      log('Chưa có tài khoản nào. Tạo quản trị hệ thống đầu tiên tại:');
      log(`  ${config.publicUrl}/thiet-lap?token=${token}`);
      log('Mã thiết lập chỉ dùng được một lần.');
    }
  }
  const app = await buildApp({
    db,
    logLevel: config.logLevel,
    webDist: config.webDist,
    authSecret: await resolveAuthSecret(config),
    publicUrl: config.publicUrl,
    demoMode: config.loadDemo,
    trustProxy: config.trustProxy,
    jobsUrl: opened.url,
    ...(config.smtpUrl ? { mail: { smtpUrl: config.smtpUrl, from: config.mailFrom } } : {}),
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`Nhận ${signal}, đang dừng…`);
    try {
      await app.close();
      await opened.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  log(`lienhiep sẵn sàng tại http://localhost:${config.port} (tài liệu API: /api/docs)`);
}

main().catch((err: unknown) => {
  console.error('[lienhiep] Không khởi động được:', err);
  process.exit(1);
});
