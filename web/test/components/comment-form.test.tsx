import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToStaticMarkup } from 'react-dom/server';
import { CommentForm, SAVED_DETAILS_KEY } from '@/components/comments/comment-form.client';
import { type CommentFormState, emptyValues, messages } from '@/lib/comments/form';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const TOKEN = `1764000000000.${'a'.repeat(64)}`;

function renderForm(
  action: (s: CommentFormState, f: FormData) => Promise<CommentFormState>,
  replyTo: { id: string; authorName: string } | null = null,
) {
  return render(
    <CommentForm
      action={action}
      formToken={TOKEN}
      replyTo={replyTo}
      cancelReplyHref="/reviews/heat-review#respond"
      permalink="/reviews/heat-review"
    />,
  );
}

async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>, { save = false } = {}) {
  await user.type(screen.getByLabelText(/^Comment/), 'Great review');
  await user.type(screen.getByLabelText(/^Name/), 'Ada');
  await user.type(screen.getByLabelText(/^Email/), 'ada@example.org');
  await user.type(screen.getByLabelText(/^Website/), 'https://ada.example.org');
  if (save)
    await user.click(
      screen.getByLabelText('Save my name, email and website in this browser for the next time I comment.'),
    );
  await user.click(screen.getByRole('button', { name: 'Post Comment' }));
}

const stampCalls: { url: string; init: RequestInit | undefined }[] = [];
beforeEach(() => {
  refresh.mockClear();
  window.localStorage.clear();
  stampCalls.length = 0;
  // jsdom has no fetch (nor Response): the stamp's answer is not read, only that it was asked for.
  globalThis.fetch = jest.fn().mockImplementation(async (url: string, init?: RequestInit) => {
    stampCalls.push({ url, init });
  });
});

it('stamps when the reader begins to write, once, with a private POST', async () => {
  const user = userEvent.setup();
  renderForm(jest.fn());
  expect(stampCalls).toHaveLength(0);
  await user.type(screen.getByLabelText(/^Comment/), 'Great');
  await user.type(screen.getByLabelText(/^Name/), 'Ada');
  expect(stampCalls).toEqual([
    { url: '/api/comment-token', init: expect.objectContaining({ method: 'POST', cache: 'no-store' }) },
  ]);
});

it('carries no token of its own on a shared page, and a <noscript> stamp for readers without JavaScript', () => {
  // <noscript> content is only ever rendered by the server.
  const html = renderToStaticMarkup(
    <CommentForm
      action={jest.fn()}
      formToken={null}
      replyTo={null}
      cancelReplyHref="/reviews/heat-review#respond"
      permalink="/reviews/heat-review"
    />,
  );
  expect(html).not.toContain('name="formToken"');
  expect(html).toMatch(/<noscript><img src="\/api\/comment-token"[^>]*><\/noscript>/);
});

it('renders "Leave a Reply" with labelled fields, required ones marked and explained', () => {
  renderForm(jest.fn());
  expect(screen.getByRole('heading', { name: 'Leave a Reply' })).toBeInTheDocument();
  expect(screen.getByText('Your email address will not be published.')).toBeInTheDocument();
  expect(screen.getByText(/Required fields are marked/)).toBeInTheDocument();
  for (const label of [/^Comment/, /^Name/, /^Email/]) expect(screen.getByLabelText(label)).toBeRequired();
  expect(screen.getByLabelText(/^Website/)).not.toBeRequired();
  expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(/Your email address will not be published/);
  expect(
    screen.getByLabelText('Save my name, email and website in this browser for the next time I comment.'),
  ).not.toBeChecked();
  expect(screen.getByDisplayValue(TOKEN)).toHaveAttribute('name', 'formToken');
});

it('shows who is being answered with a cancel link when replying', () => {
  renderForm(jest.fn(), { id: 'c1', authorName: 'Hana' });
  expect(screen.getByRole('heading', { name: /Reply to Hana/ })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Cancel reply' })).toHaveAttribute('href', '/reviews/heat-review#respond');
});

it('sends the typed fields to the action', async () => {
  const user = userEvent.setup();
  const action = jest.fn(async (_s: CommentFormState, _f: FormData): Promise<CommentFormState> => ({
    status: 'success',
    message: messages.awaitingModeration,
    fieldErrors: {},
    values: emptyValues,
    submittedAt: 1,
  }));
  renderForm(action);
  await fillAndSubmit(user);
  await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
  const data = action.mock.calls[0]?.[1];
  expect(data?.get('comment')).toBe('Great review');
  expect(data?.get('email')).toBe('ada@example.org');
  expect(data?.get('formToken')).toBe(TOKEN);
  expect(await screen.findByRole('status')).toHaveTextContent(messages.awaitingModeration);
  // The reader now holds their own cookie: the page is fetched again, rendered for them.
  await waitFor(() => expect(refresh).toHaveBeenCalled());
});

it('shows an error summary and per-field errors, keeping what the reader typed', async () => {
  const user = userEvent.setup();
  const action = async (_s: CommentFormState, f: FormData): Promise<CommentFormState> => ({
    status: 'error',
    message: messages.fixErrors,
    fieldErrors: { email: messages.emailInvalid },
    values: {
      name: String(f.get('name')),
      email: String(f.get('email')),
      website: String(f.get('website')),
      comment: String(f.get('comment')),
      rating: String(f.get('rating') ?? ''),
    },
    submittedAt: 2,
  });
  renderForm(action);
  await fillAndSubmit(user);
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(messages.fixErrors);
  expect(screen.getByRole('link', { name: `Email: ${messages.emailInvalid}` })).toHaveAttribute('href', '#email');
  await waitFor(() => expect(alert).toHaveFocus());
  expect(screen.getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(expect.stringContaining(messages.emailInvalid));
  expect(screen.getByLabelText(/^Comment/)).toHaveValue('Great review');
  expect(screen.getByLabelText(/^Name/)).toHaveValue('Ada');
  expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.org');
});

it('stores name, email and website in localStorage only when the box is ticked', async () => {
  const user = userEvent.setup();
  const ok = async (): Promise<CommentFormState> => ({
    status: 'success',
    message: messages.awaitingModeration,
    fieldErrors: {},
    values: emptyValues,
    submittedAt: 3,
  });
  const first = renderForm(ok);
  await fillAndSubmit(user);
  await screen.findByText(messages.awaitingModeration);
  expect(window.localStorage.getItem(SAVED_DETAILS_KEY)).toBeNull();
  first.unmount();

  renderForm(ok);
  await fillAndSubmit(user, { save: true });
  await screen.findByText(messages.awaitingModeration);
  expect(JSON.parse(window.localStorage.getItem(SAVED_DETAILS_KEY) ?? 'null')).toEqual({
    name: 'Ada',
    email: 'ada@example.org',
    website: 'https://ada.example.org',
  });
});

it('prefills saved details on the next visit and ticks the box', async () => {
  window.localStorage.setItem(
    SAVED_DETAILS_KEY,
    JSON.stringify({ name: 'Ada', email: 'ada@example.org', website: '' }),
  );
  renderForm(jest.fn());
  await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveValue('Ada'));
  expect(screen.getByLabelText(/^Email/)).toHaveValue('ada@example.org');
  expect(screen.getByLabelText(/^Comment/)).toHaveValue('');
  expect(
    screen.getByLabelText('Save my name, email and website in this browser for the next time I comment.'),
  ).toBeChecked();
});

describe('the email notification boxes', () => {
  const renderWith = (state: CommentFormState) => {
    const action = jest.fn(async () => state);
    return render(
      <CommentForm
        action={action}
        formToken={TOKEN}
        replyTo={null}
        cancelReplyHref="/reviews/heat-review#respond"
        permalink="/reviews/heat-review"
        initialState={state}
      />,
    );
  };

  it('offers the two notification boxes, unticked, as plain checkboxes in the form post', () => {
    renderWith({ status: 'idle', message: null, fieldErrors: {}, values: emptyValues, submittedAt: 0 });
    const replies = screen.getByLabelText<HTMLInputElement>('Notify me of follow-up comments by email.');
    const approval = screen.getByLabelText<HTMLInputElement>('Tell me when my comment is approved.');
    expect([replies.type, replies.name, replies.checked]).toEqual(['checkbox', 'notifyReplies', false]);
    expect([approval.type, approval.name, approval.checked]).toEqual(['checkbox', 'notifyApproval', false]);
    expect(replies.closest('form')).not.toBeNull();
  });

  it('keeps the boxes ticked after a failed post', () => {
    renderWith({
      status: 'error',
      message: messages.fixErrors,
      fieldErrors: { email: messages.emailInvalid },
      values: { ...emptyValues, email: 'nope', notifyReplies: true, notifyApproval: true },
      submittedAt: 1,
    });
    expect(screen.getByLabelText<HTMLInputElement>('Notify me of follow-up comments by email.').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Tell me when my comment is approved.').checked).toBe(true);
  });
});

describe('the star rating on the comment form', () => {
  const renderTokenless = (action: (s: CommentFormState, f: FormData) => Promise<CommentFormState>) =>
    render(
      <CommentForm
        action={action}
        formToken={null}
        replyTo={null}
        cancelReplyHref="/reviews/x#respond"
        permalink="/reviews/x"
      />,
    );

  it('is a group of real radio buttons, "No rating" chosen first, each star with its own label', () => {
    renderTokenless(jest.fn());
    const group = screen.getByRole('group', { name: 'Your rating of the film' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['', '1', '2', '3', '4', '5']);
    expect(screen.getByLabelText('No rating')).toBeChecked();
    expect(screen.getByRole('radio', { name: '1 star' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: '5 stars' })).toHaveAttribute('name', 'rating');
  });

  it('moves through the stars with the arrow keys and posts the chosen one', async () => {
    const user = userEvent.setup();
    const sent: FormData[] = [];
    const action = async (state: CommentFormState, formData: FormData) => {
      sent.push(formData);
      return state;
    };
    renderTokenless(action);
    await user.click(screen.getByLabelText('No rating'));
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: '3 stars' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));
    expect(sent[0]?.get('rating')).toBe('3');
  });

  it("keeps the reader's stars after a failed post, and names a rating error in the summary", async () => {
    const user = userEvent.setup();
    const action = async (_s: CommentFormState, f: FormData): Promise<CommentFormState> => ({
      status: 'error',
      message: messages.fixErrors,
      fieldErrors: { rating: messages.ratingInvalid },
      values: { name: '', email: '', website: '', comment: '', rating: String(f.get('rating')) },
      submittedAt: 2,
    });
    renderTokenless(action);
    await user.click(screen.getByRole('radio', { name: '4 stars' }));
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));
    expect(await screen.findByRole('link', { name: `Your rating: ${messages.ratingInvalid}` })).toHaveAttribute(
      'href',
      '#rating',
    );
    expect(screen.getByRole('radio', { name: '4 stars' })).toBeChecked();
  });
});
