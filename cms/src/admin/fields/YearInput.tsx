import { Field, TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';

interface YearInputProps {
  name?: string;
  label?: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A year as people write it. Strapi's number input groups digits by locale ("2,016"); the value stays the integer
 * it was, and the server checks its range.
 */
const YearInput = ({ name = 'year', label, hint, required, disabled }: YearInputProps) => {
  const field = useField<number | null>(name);
  const text = field.value === null || field.value === undefined ? '' : String(field.value);
  const change = (value: string) => {
    const digits = value.replace(/\D/g, '').slice(0, 4);
    field.onChange(name, digits === '' ? null : Number(digits));
  };
  return (
    <Field.Root name={name} id={name} error={field.error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        inputMode="numeric"
        autoComplete="off"
        value={text}
        disabled={disabled}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

export default YearInput;
