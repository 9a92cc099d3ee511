import type { Core } from '@strapi/strapi';
import { tableMetadata } from '../../../strapi/internals';
import { SCHEDULER, asSystem } from './actor';
import { logActivity } from './history';

const REVIEW = 'api::review.review';

interface Due {
  documentId: string;
  title: string;
  at: Date;
}

export interface ScheduleRun {
  published: string[];
  unpublished: string[];
  refused: { documentId: string; reason: string }[];
}

const column = (strapi: Core.Strapi, attribute: string) => {
  const name = tableMetadata(strapi, REVIEW).attributes[attribute]?.columnName;
  if (!name) throw new Error(`The review attribute ${attribute} has no column`);
  return name;
};

/** Draft rows whose `field` time has come. */
const due = async (strapi: Core.Strapi, field: 'publishAt' | 'unpublishAt', now: Date): Promise<Due[]> => {
  const rows: { documentId: string; title: string; publishAt?: unknown; unpublishAt?: unknown }[] = await strapi.db
    .query(REVIEW)
    .findMany({
      where: { publishedAt: null, [field]: { $notNull: true, $lte: now } },
      select: ['documentId', 'title', field],
      orderBy: [{ [field]: 'asc' }],
      limit: 100,
    });
  return rows.map((row) => ({ documentId: row.documentId, title: row.title, at: new Date(String(row[field])) }));
};

/**
 * Takes a due schedule for this process alone: one conditional UPDATE clears the time it was due at, and only the
 * process whose UPDATE changed the row goes on. Two CMS processes on one database never both publish.
 */
const claim = async (strapi: Core.Strapi, field: 'publishAt' | 'unpublishAt', item: Due): Promise<boolean> => {
  const knex = strapi.db.connection;
  const [col, documentId, publishedAt] = [
    column(strapi, field),
    column(strapi, 'documentId'),
    column(strapi, 'publishedAt'),
  ];
  const draft = () =>
    knex(tableMetadata(strapi, REVIEW).tableName)
      .where({ [documentId]: item.documentId })
      .whereNull(publishedAt);
  // The value as the database stores it (SQLite and PostgreSQL differ), so the UPDATE below compares like with like.
  const stored: Record<string, unknown> | undefined = await draft().first(col);
  if (!stored || stored[col] === null || stored[col] === undefined) return false;
  const changed = await draft()
    .where({ [col]: stored[col] })
    .update({ [col]: null });
  return Number(changed) > 0;
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Publishes the reviews whose `publishAt` has come and unpublishes those whose `unpublishAt` has, through the
 * document service (change notices, the search and thread indexes run as for a click). A review whose time passed
 * while no CMS ran goes out at the next run; each is logged.
 */
export const runSchedule = async (strapi: Core.Strapi, now = new Date()): Promise<ScheduleRun> =>
  asSystem(SCHEDULER, async () => {
    const run: ScheduleRun = { published: [], unpublished: [], refused: [] };
    for (const item of await due(strapi, 'publishAt', now)) {
      if (!(await claim(strapi, 'publishAt', item))) continue;
      const late = Math.round((now.getTime() - item.at.getTime()) / 1000);
      try {
        await strapi.documents(REVIEW).publish({ documentId: item.documentId });
        run.published.push(item.documentId);
        strapi.log.info(
          `[newsroom] published "${item.title}" as scheduled for ${item.at.toISOString()}${late > 60 ? ` (${late} s late: the CMS was not running)` : ''}`,
        );
        await logActivity(strapi, {
          action: 'scheduledPublish',
          reviewDocumentId: item.documentId,
          reviewTitle: item.title,
          detail: `scheduled for ${item.at.toISOString()}`,
        });
      } catch (error) {
        run.refused.push({ documentId: item.documentId, reason: reason(error) });
        strapi.log.warn(`[newsroom] the scheduled publish of "${item.title}" was refused: ${reason(error)}`);
        await logActivity(strapi, {
          action: 'refused',
          reviewDocumentId: item.documentId,
          reviewTitle: item.title,
          detail: `scheduled publish: ${reason(error)}`,
        });
      }
    }
    for (const item of await due(strapi, 'unpublishAt', now)) {
      if (!(await claim(strapi, 'unpublishAt', item))) continue;
      const live = await strapi.db
        .query(REVIEW)
        .findOne({ where: { documentId: item.documentId, publishedAt: { $notNull: true } }, select: ['id'] });
      if (!live) continue;
      try {
        await strapi.db
          .query(REVIEW)
          .updateMany({ where: { documentId: item.documentId }, data: { unpublishAt: null } });
        await strapi.documents(REVIEW).unpublish({ documentId: item.documentId });
        run.unpublished.push(item.documentId);
        strapi.log.info(`[newsroom] unpublished "${item.title}" as scheduled for ${item.at.toISOString()}`);
        await logActivity(strapi, {
          action: 'scheduledUnpublish',
          reviewDocumentId: item.documentId,
          reviewTitle: item.title,
          detail: `scheduled for ${item.at.toISOString()}`,
        });
      } catch (error) {
        run.refused.push({ documentId: item.documentId, reason: reason(error) });
        strapi.log.warn(`[newsroom] the scheduled unpublish of "${item.title}" failed: ${reason(error)}`);
      }
    }
    return run;
  });

/**
 * Runs the schedule every `seconds` (and once at start, for what came due while no CMS ran), one run at a time. A run
 * that fails (the database is unavailable) waits twice as long before the next, up to a minute, so the scheduler
 * never competes with readers' requests for a database that cannot answer.
 */
export const startScheduler = (strapi: Core.Strapi, seconds: number) => {
  let running: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let wait = seconds;
  const tick = () => {
    if (stopped) return;
    running = runSchedule(strapi)
      .then((run) => {
        wait = seconds;
        const caught = run.published.length + run.unpublished.length;
        if (caught > 0)
          strapi.log.info(
            `[newsroom] schedule: ${run.published.length} published, ${run.unpublished.length} unpublished`,
          );
      })
      .catch((error: unknown) => {
        wait = Math.min(wait * 2, Math.max(60, seconds));
        strapi.log.error(`[newsroom] the scheduler failed (next try in ${wait} s): ${reason(error)}`);
      })
      .finally(() => {
        running = null;
        if (stopped) return;
        timer = setTimeout(tick, wait * 1000);
        timer.unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
};
