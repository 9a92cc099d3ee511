import 'server-only';
import { z } from 'zod';
import { cmsPost } from './client';

export type NewReport = { comment: string; reason: string; note?: string };

const createdReportSchema = z
  .object({ data: z.object({ comment: z.string(), reason: z.string(), note: z.string().nullish() }) })
  .transform(({ data }) => ({ comment: data.comment, reason: data.reason }));

/**
 * Reports a comment with the web server's token, on behalf of the reader whose address is passed along.
 * @throws {CmsError} 400 (fieldErrors), 404 comment not visible, 409 already reported by this reader, 429 too fast.
 */
export function postReport(report: NewReport, client: { ip: string | null; userAgent: string | null }) {
  const headers: Record<string, string> = {};
  if (client.ip) headers['X-Marquee-Client-IP'] = client.ip;
  if (client.userAgent) headers['X-Marquee-Client-UA'] = client.userAgent;
  return cmsPost('/comment-reports', { data: report }, createdReportSchema, { auth: true, headers });
}
