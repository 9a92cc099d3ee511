import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportForm } from '@/components/comments/report-form.client';
import { type ReportFormState, reportMessages } from '@/lib/comments/report-state';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

beforeEach(() => {
  globalThis.fetch = jest.fn().mockResolvedValue(undefined);
});

describe('the report form', () => {
  it('offers the reasons as radio buttons and keeps the note after an error', async () => {
    const user = userEvent.setup();
    const action = async (_s: ReportFormState, f: FormData): Promise<ReportFormState> => ({
      status: 'error',
      message: reportMessages.fixErrors,
      fieldErrors: { reason: reportMessages.reasonRequired },
      values: { reason: String(f.get('reason') ?? ''), note: String(f.get('note')) },
      submittedAt: 1,
    });
    render(<ReportForm action={action} permalink="/reviews/x/report/c1" />);
    const reasons = within(screen.getByRole('group', { name: /Why should a moderator look/ })).getAllByRole('radio');
    expect(reasons.map((radio) => radio.getAttribute('value'))).toEqual([
      'spam',
      'abuse',
      'off-topic',
      'spoiler',
      'other',
    ]);
    await user.type(screen.getByLabelText(/^Note for the moderator/), 'Spoils the end');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(reportMessages.fixErrors);
    expect(screen.getByText(reportMessages.reasonRequired)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Note for the moderator/)).toHaveValue('Spoils the end');
  });
});
