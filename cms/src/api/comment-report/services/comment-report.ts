import { factories } from '@strapi/strapi';
import type { MarqueeConfig } from '../../../../config/marquee';
import { moderationSettings } from '../../../settings/moderation';
import { VISIBLE } from '../../comment/domain/visible';
import { CommentRejection } from '../../comment/domain/rejection';
import { hashIp } from '../../comment/domain/rules';
import { messages } from '../domain/messages';
import { parseReport } from '../domain/rules';

const REPORT = 'api::comment-report.comment-report';
const COMMENT = 'api::comment.comment';

export default factories.createCoreService(REPORT, () => ({
  /**
   * Records one reader's report on a visible comment and hides the comment once it has reportThreshold open reports.
   * @throws CommentRejection with the status and field errors to answer.
   */
  async report(raw: unknown, reader: { ip: string | null; userAgent: string | null }) {
    const parsed = parseReport(raw);
    if (!parsed.ok) throw new CommentRejection(400, messages.invalid, parsed.errors);
    const input = parsed.value;

    const comment = await strapi.db
      .query(COMMENT)
      .findOne({ where: { documentId: input.comment, ...VISIBLE }, select: ['id', 'documentId'] });
    if (!comment)
      throw new CommentRejection(404, messages.commentNotFound, [
        { path: ['comment'], message: messages.commentNotFound },
      ]);

    const { ipHashSecret } = strapi.config.get<MarqueeConfig>('marquee');
    const ipHash = reader.ip ? hashIp(reader.ip, ipHashSecret) : null;
    const { reportThreshold, floodIntervalSeconds } = await moderationSettings(strapi);
    const open = { comment: { id: comment.id }, resolved: false };

    // Resolved reports are a moderator's closed decision: a reader may report the comment again after that.
    if (ipHash && (await strapi.db.query(REPORT).findOne({ where: { ...open, ipHash }, select: ['id'] }))) {
      throw new CommentRejection(409, messages.duplicate);
    }
    if (ipHash && floodIntervalSeconds > 0) {
      const since = new Date(Date.now() - floodIntervalSeconds * 1000);
      const recent = await strapi.db
        .query(REPORT)
        .findOne({ where: { ipHash, createdAt: { $gt: since } }, select: ['id'] });
      if (recent) throw new CommentRejection(429, messages.flood);
    }

    await strapi.documents(REPORT).create({
      data: {
        comment: comment.documentId,
        reason: input.reason,
        note: input.note ?? undefined,
        ipHash: ipHash ?? undefined,
        userAgent: reader.userAgent?.slice(0, 400),
      },
    });

    // Counted, not incremented: two reports at once cannot lose one, and a moderator resolving reports resets it.
    const reportCount = await strapi.db.query(REPORT).count({ where: open });
    const hide = reportCount >= reportThreshold;
    // Through the document service, so the change notices (src/document-middlewares/revalidate.ts) take the comment off the page.
    await strapi.documents(COMMENT).update({
      documentId: comment.documentId,
      data: hide ? { reportCount, hiddenByReports: true } : { reportCount },
    });

    return { comment: comment.documentId, reason: input.reason, note: input.note };
  },
}));
