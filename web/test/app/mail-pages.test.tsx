import { render, screen } from '@testing-library/react';
import ConfirmPage from '@/app/mail/confirm/page';
import UnsubscribePage from '@/app/mail/unsubscribe/page';

jest.mock('next/server', () => ({ connection: async () => undefined }));

const props = (query: Record<string, string>) => ({
  params: Promise.resolve({}),
  searchParams: Promise.resolve(query),
});

it('the confirmation page is a plain form post carrying the token (works without JavaScript)', async () => {
  render(await ConfirmPage(props({ token: 'abc.def' })));
  const button = screen.getByRole('button', { name: 'Confirm my address' });
  const form = button.closest('form');
  expect(form?.getAttribute('method')).toBe('post');
  expect(form?.getAttribute('action')).toBe('/api/mail/confirm');
  expect(form?.querySelector<HTMLInputElement>('input[name="token"]')?.value).toBe('abc.def');
});

it('the unsubscribe page shows the result it is sent back with, and no form', async () => {
  render(await UnsubscribePage(props({ result: 'unsubscribed', token: 'abc.def' })));
  expect(screen.getByRole('status').textContent).toMatch(/You are unsubscribed/);
  expect(screen.queryByRole('button')).toBeNull();
});

it("the unsubscribe page never shows the confirmation page's success, nor the other way round", async () => {
  render(await UnsubscribePage(props({ result: 'confirmed' })));
  expect(screen.queryByRole('status')).toBeNull();
  expect(screen.getByRole('alert').textContent).toMatch(/not valid/);
  document.body.innerHTML = '';
  render(await ConfirmPage(props({ result: 'unsubscribed', token: 'abc.def' })));
  expect(screen.queryByRole('status')).toBeNull();
  expect(screen.getByRole('button', { name: 'Confirm my address' })).toBeTruthy();
});

it('a page without a token or with an unknown result says the link is not valid', async () => {
  render(await UnsubscribePage(props({ result: '<b>x</b>' })));
  expect(screen.getByRole('alert').textContent).toMatch(/not valid/);
});
