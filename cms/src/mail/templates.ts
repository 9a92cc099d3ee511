/**
 * Every email Marquee sends: a plain-text part and a simple HTML part built from the same facts. Whatever a reader
 * typed (names, comment text, review titles typed by editors too) is escaped before it enters the HTML.
 */

export interface Email {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** Subjects are one line: a name with a line break must not add a header. */
const oneLine = (value: string, max = 80) => {
  const line = value.replace(/[\r\n\t]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

const paragraphs = (value: string) =>
  value
    .split(/\n{2,}/)
    .map((part) => `<p style="margin:0 0 12px">${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');

const quote = (value: string) =>
  `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #b3261e;background:#faf7f2;color:#222">${paragraphs(value)}</blockquote>`;

const button = (href: string, label: string) =>
  `<p style="margin:20px 0"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;background:#b3261e;color:#fff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(label)}</a></p>`;

const layout = (title: string, body: string, unsubscribeUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f1ec;font-family:Georgia,'Times New Roman',serif;color:#1c1b1a;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px 28px;border-radius:6px">
<p style="margin:0 0 16px;font-size:22px;font-weight:bold;letter-spacing:.02em">Marquee</p>
${body}
<hr style="border:none;border-top:1px solid #e5e0d8;margin:24px 0 12px">
<p style="margin:0;font-size:13px;color:#666">You get this email because this address asked Marquee for it. <a href="${escapeHtml(unsubscribeUrl)}" style="color:#666">Unsubscribe</a> to get no more.</p>
</div></body></html>
`;

const footer = (unsubscribeUrl: string) =>
  `\n\n--\nYou get this email because this address asked Marquee for it.\nUnsubscribe: ${unsubscribeUrl}\n`;

interface Common {
  unsubscribeUrl: string;
}

export const confirmationEmail = ({
  reviewTitle,
  confirmUrl,
  hours,
  unsubscribeUrl,
}: Common & { reviewTitle: string; confirmUrl: string; hours: number }): Email => {
  const subject = 'Confirm your email address for Marquee';
  const intro = `You asked to be emailed about comments on “${reviewTitle}”. Before we send you anything else, please confirm that this is your address.`;
  const after = `The link works for ${hours} hours. If you did not ask for this, ignore this email and you will hear nothing more.`;
  return {
    subject,
    text: `${intro}\n\nConfirm your address: ${confirmUrl}\n\n${after}${footer(unsubscribeUrl)}`,
    html: layout(
      subject,
      `${paragraphs(intro)}${button(confirmUrl, 'Confirm my address')}${paragraphs(after)}`,
      unsubscribeUrl,
    ),
  };
};

export const approvedEmail = ({
  reviewTitle,
  commentUrl,
  body,
  unsubscribeUrl,
}: Common & { reviewTitle: string; commentUrl: string; body: string }): Email => {
  const subject = oneLine(`Your comment on “${reviewTitle}” is published`);
  const intro = `A moderator approved your comment on “${reviewTitle}”; everyone can read it now.`;
  return {
    subject,
    text: `${intro}\n\n${body}\n\nSee it on the site: ${commentUrl}${footer(unsubscribeUrl)}`,
    html: layout(
      subject,
      `${paragraphs(intro)}${quote(body)}${button(commentUrl, 'See it on the site')}`,
      unsubscribeUrl,
    ),
  };
};

export const followUpEmail = ({
  reviewTitle,
  commentUrl,
  authorName,
  body,
  unsubscribeUrl,
}: Common & { reviewTitle: string; commentUrl: string; authorName: string; body: string }): Email => {
  const subject = oneLine(`New comment on “${reviewTitle}”`);
  const intro = `${authorName} commented on “${reviewTitle}”:`;
  return {
    subject,
    text: `${intro}\n\n${body}\n\nRead the conversation: ${commentUrl}${footer(unsubscribeUrl)}`,
    html: layout(
      subject,
      `${paragraphs(intro)}${quote(body)}${button(commentUrl, 'Read the conversation')}`,
      unsubscribeUrl,
    ),
  };
};

export interface HeldComment {
  authorName: string;
  authorEmail: string;
  body: string;
  reason: string | null;
  reviewTitle: string;
  deskUrl: string;
}

const heldFacts = (comment: HeldComment) =>
  `${comment.authorName} <${comment.authorEmail}> on “${comment.reviewTitle}”${comment.reason ? ` (held: ${comment.reason})` : ''}`;

export const moderatorEmail = ({ comment, unsubscribeUrl }: Common & { comment: HeldComment }): Email => {
  const subject = oneLine(`Comment awaiting moderation on “${comment.reviewTitle}”`);
  return {
    subject,
    text: `A comment is waiting for a moderator.\n\n${heldFacts(comment)}:\n\n${comment.body}\n\nModerate it: ${comment.deskUrl}${footer(unsubscribeUrl)}`,
    html: layout(
      subject,
      `${paragraphs('A comment is waiting for a moderator.')}${paragraphs(`${heldFacts(comment)}:`)}${quote(comment.body)}${button(comment.deskUrl, 'Moderate it')}`,
      unsubscribeUrl,
    ),
  };
};

export const digestEmail = ({
  comments,
  deskUrl,
  unsubscribeUrl,
}: Common & { comments: HeldComment[]; deskUrl: string }): Email => {
  const count = comments.length;
  const subject = `${count} comment${count === 1 ? '' : 's'} awaiting moderation on Marquee`;
  const text = comments.map((comment) => `* ${heldFacts(comment)}:\n${comment.body}\n${comment.deskUrl}`).join('\n\n');
  const html = comments
    .map(
      (comment) =>
        `${paragraphs(`${heldFacts(comment)}:`)}${quote(comment.body)}<p style="margin:0 0 20px"><a href="${escapeHtml(comment.deskUrl)}">Moderate this comment</a></p>`,
    )
    .join('');
  return {
    subject,
    text: `${subject}.\n\n${text}\n\nAll pending comments: ${deskUrl}${footer(unsubscribeUrl)}`,
    html: layout(
      subject,
      `${paragraphs(`${subject}.`)}${html}${button(deskUrl, 'Open the moderation desk')}`,
      unsubscribeUrl,
    ),
  };
};
