import PgBoss from 'pg-boss';

/**
 * Background work through pg-boss: jobs live in PostgreSQL, so a job sent before a crash is
 * still there after the restart. pg-boss connects as the login role (it creates its own tables
 * and partitions in the `pgboss` schema), not through the restricted application role.
 */
export type JobName =
  'import-analyse' | 'import-commit' | 'import-undo' | 'round-reminders' | 'document-generate';
export const JOB_NAMES: readonly JobName[] = [
  'import-analyse',
  'import-commit',
  'import-undo',
  'round-reminders',
  'document-generate',
];

export interface JobData {
  importId: string;
}

/** What each job carries: an import's id, or nothing (the daily reminder pass). */
export interface JobDataMap {
  'import-analyse': JobData;
  'import-commit': JobData;
  'import-undo': JobData;
  'round-reminders': Record<string, never>;
  'document-generate': { documentId: string };
}

export type JobHandler<N extends JobName = JobName> = (data: JobDataMap[N]) => Promise<void>;

export interface JobQueue {
  /** Registers the handlers and starts fetching (a job without a handler waits in its queue). */
  work(handlers: { [N in JobName]?: JobHandler<N> }): Promise<void>;
  send<N extends JobName>(name: N, data: JobDataMap[N]): Promise<void>;
  /** Runs the job on a cron schedule (time zone of Vietnam), kept in the database. */
  schedule?(name: JobName, cron: string): Promise<void>;
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
        const handler = handlers[name] as ((data: unknown) => Promise<void>) | undefined;
        if (!handler) continue;
        const id = await boss.work<JobDataMap[typeof name]>(
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
    async schedule(name, cron) {
      await boss.schedule(name, cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
