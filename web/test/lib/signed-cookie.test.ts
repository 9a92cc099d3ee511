/** @jest-environment node */
import { signCookie, verifyCookie } from '@/lib/comments/signed-cookie';

// The caching proxy checks these cookies itself (proxy/reader.js); proxy/nginx.test.mjs sends exactly these values.
const SECRET = 'cookie-secret-for-the-proxy-tests';
const VALID_UNTIL_2100 = 'eyJpZCI6ImMxIn0.4102444800.f506aa8f26b4bd00ec052498993b72d67ca455b7516d17a38ae8a386fa5b9c3c';
const NOW = Date.parse('2026-12-06T08:00:00.000Z');

describe('signed per-reader cookies', () => {
  it('writes the value the caching proxy checks: data, expiry in seconds, HMAC of name=data.expiry', () => {
    expect(signCookie(SECRET, 'mq_pending', 'eyJpZCI6ImMxIn0', 4102444800)).toBe(VALID_UNTIL_2100);
    expect(signCookie(SECRET, 'mq_flash', '0b7f5a52-9a53-4c4e-9d5f-3f2a61b3c0de', 4102444800)).toBe(
      '0b7f5a52-9a53-4c4e-9d5f-3f2a61b3c0de.4102444800.4216d19eb2e49ab59ee20c4d4e0cf67ff060d6bf9c509b01a08242ae7a5055a4',
    );
  });

  it('reads back the data of a valid cookie', () => {
    expect(verifyCookie(SECRET, 'mq_pending', VALID_UNTIL_2100, NOW)).toBe('eyJpZCI6ImMxIn0');
  });

  it('refuses an expired, tampered, renamed, re-dated or malformed cookie', () => {
    const expired = signCookie(SECRET, 'mq_pending', 'eyJpZCI6ImMxIn0', NOW / 1000 - 1);
    expect(verifyCookie(SECRET, 'mq_pending', expired, NOW)).toBeNull();
    expect(verifyCookie(SECRET, 'mq_pending', VALID_UNTIL_2100.replace('ImMx', 'ImMy'), NOW)).toBeNull();
    expect(verifyCookie(SECRET, 'mq_flash', VALID_UNTIL_2100, NOW)).toBeNull();
    expect(verifyCookie(SECRET, 'mq_pending', VALID_UNTIL_2100.replace('4102444800', '4102444801'), NOW)).toBeNull();
    expect(verifyCookie('another-secret-another-secret', 'mq_pending', VALID_UNTIL_2100, NOW)).toBeNull();
    for (const garbage of ['', 'x', '.', '..', 'a.b.c', `.4102444800.${'0'.repeat(64)}`, undefined]) {
      expect(verifyCookie(SECRET, 'mq_pending', garbage, NOW)).toBeNull();
    }
  });
});
