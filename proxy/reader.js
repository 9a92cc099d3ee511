// nginx's njs module (proxy/nginx.conf: js_import): decides, without asking the web, whether a request is a reader's
// own. A per-reader cookie counts only with a valid signature that has not expired, made by the web with the
// secret both share (web/lib/comments/signed-cookie.ts writes the same format: `data.expiresAt.hmac`).
import crypto from 'crypto';

// The cookies that make a page the reader's own (web/lib/comments/cookies.ts): a comment awaiting moderation, the
// no-JavaScript form's answer, an editor's draft preview.
const PER_READER = ['mq_pending', 'mq_flash', 'mq_draft'];

function constantTimeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function validCookie(secret, name, value, nowSeconds) {
  const sigAt = value.lastIndexOf('.');
  if (sigAt <= 0) return false;
  const signed = value.slice(0, sigAt);
  const expAt = signed.lastIndexOf('.');
  const expiresAt = Number(signed.slice(expAt + 1));
  if (expAt < 0 || !/^[0-9]{1,12}$/.test(signed.slice(expAt + 1)) || expiresAt <= nowSeconds) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${name}=${signed}`).digest('hex');
  return constantTimeEqual(value.slice(sigAt + 1), expected);
}

function isPerReader(r) {
  const secret = r.variables.marquee_cookie_secret || '';
  if (secret.length < 16) return false;
  const now = Math.floor(Date.now() / 1000);
  return PER_READER.some((name) => {
    const value = r.variables[`cookie_${name}`];
    return Boolean(value) && validCookie(secret, name, value, now);
  });
}

/** $marquee_per_reader: "1" for a request carrying a valid per-reader cookie, else "0". */
function perReader(r) {
  return isPerReader(r) ? '1' : '0';
}

/**
 * $marquee_upstream_cookie: what the web gets as Cookie. A page read that is not a reader's own is the shared page,
 * so it goes without cookies (a made-up per-reader cookie cannot make a miss render a private page that is never
 * stored); writes and /api/ keep theirs (the form's stamp, the comment post).
 */
function upstreamCookie(r) {
  const cookie = r.variables.http_cookie || '';
  if ((r.method !== 'GET' && r.method !== 'HEAD') || r.uri.startsWith('/api/')) return cookie;
  return isPerReader(r) ? cookie : '';
}

export default { perReader, upstreamCookie };
