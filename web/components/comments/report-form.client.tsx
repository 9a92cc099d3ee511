'use client';

import { useActionState, useEffect, useRef } from 'react';
import {
  NOTE_MAX,
  REPORT_REASONS,
  REPORT_REASON_LABELS,
  type ReportFormState,
  initialReportFormState,
} from '@/lib/comments/report-state';

export type ReportAction = (state: ReportFormState, formData: FormData) => Promise<ReportFormState>;

/** The report form: radio buttons for the reason and an optional note; a plain form post without JavaScript. */
export function ReportForm({ action, permalink }: { action: ReportAction; permalink: string }) {
  const [state, formAction, pending] = useActionState(action, initialReportFormState, permalink);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') alertRef.current?.focus();
  }, [state.status, state.submittedAt]);

  return (
    <>
      {state.status === 'error' ? (
        <div ref={alertRef} tabIndex={-1} role="alert" className="notice notice-error">
          <p>{state.message}</p>
        </div>
      ) : null}
      <form
        action={formAction}
        noValidate
        className="report-form comment-form"
        aria-labelledby="report-title"
        key={state.submittedAt}
      >
        <fieldset aria-describedby={state.fieldErrors.reason ? 'reason-error' : undefined}>
          <legend id="reason">
            Why should a moderator look at this comment?{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </legend>
          {REPORT_REASONS.map((reason) => (
            <p key={reason} className="choice">
              <input
                type="radio"
                id={`reason-${reason}`}
                name="reason"
                value={reason}
                required
                defaultChecked={state.values.reason === reason}
              />
              <label htmlFor={`reason-${reason}`}>{REPORT_REASON_LABELS[reason]}</label>
            </p>
          ))}
          {state.fieldErrors.reason ? (
            <span id="reason-error" className="field-error">
              {state.fieldErrors.reason}
            </span>
          ) : null}
        </fieldset>
        <p className="field">
          <label htmlFor="note">Note for the moderator (optional)</label>
          <textarea
            id="note"
            name="note"
            rows={4}
            maxLength={NOTE_MAX}
            defaultValue={state.values.note}
            aria-invalid={state.fieldErrors.note ? true : undefined}
            aria-describedby={state.fieldErrors.note ? 'note-error' : undefined}
          />
          {state.fieldErrors.note ? (
            <span id="note-error" className="field-error">
              {state.fieldErrors.note}
            </span>
          ) : null}
        </p>
        <p className="form-submit">
          <button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? 'Sending…' : 'Send report'}
          </button>
        </p>
      </form>
    </>
  );
}
