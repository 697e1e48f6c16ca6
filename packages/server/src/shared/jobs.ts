import PgBoss from 'pg-boss';

/**
 * Background work through pg-boss: jobs live in PostgreSQL, so a job sent before a crash is
 * still there after the restart. pg-boss connects as the login role (it creates its own tables
 * and partitions in the `pgboss` schema), not through the restricted application role.
 */
export type JobName = 'import-analyse' | 'import-commit' | 'import-undo';
export const JOB_NAMES: readonly JobName[] = ['import-analyse', 'import-commit', 'import-undo'];

export interface JobData {
  importId: string;
}

export type JobHandler = (data: JobData) => Promise<void>;

export interface JobQueue {
  /** Registers the handlers and starts fetching. */
  work(handlers: Record<JobName, JobHandler>): Promise<void>;
  send(name: JobName, data: JobData): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobQueue(
  connectionString: string,
  log: (msg: string, err?: unknown) => void,
): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString,
    max: 3,
    application_name: 'lienhiep-jobs',
    // retained jobs are for diagnosis; imports keep their own state
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => log('lỗi hàng đợi công việc', err));
  await boss.start();
  for (const name of JOB_NAMES) {
    await boss.createQueue(name, {
      name,
      // a failed attempt is retried: every handler is safe to run again
      retryLimit: 3,
      retryDelay: 5,
      expireInSeconds: 60 * 60,
    });
  }
  const workers = new Map<JobName, string>();
  return {
    async work(handlers) {
      for (const name of JOB_NAMES) {
        const handler = handlers[name];
        const id = await boss.work<JobData>(
          name,
          { pollingIntervalSeconds: 2, batchSize: 1 },
          async (jobs) => {
            for (const job of jobs) await handler(job.data);
          },
        );
        workers.set(name, id);
      }
    },
    async send(name, data) {
      await boss.send(name, data);
      const worker = workers.get(name);
      // wake the worker now instead of at its next poll
      if (worker) boss.notifyWorker(worker);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
