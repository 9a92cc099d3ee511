import { Box, Button, Field, Flex, Radio, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { deskApi, errorMessage } from './api';

type Mode = 'anonymise' | 'delete';

/** Export or erase everything stored about one email address (WordPress's "Export/Erase Personal Data"). */
export const PersonalDataPanel = ({ onChanged }: { onChanged: () => void }) => {
  const { toggleNotification } = useNotification();
  const [email, setEmail] = useState('');
  const [mode, setMode] = useState<Mode>('anonymise');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    try {
      const data = await deskApi.exportData(email);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `personal-data-${email
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')}.json`;
      link.click();
      URL.revokeObjectURL(url);
      setResult('Export downloaded (and logged).');
    } catch (caught) {
      toggleNotification({ type: 'danger', message: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    try {
      const { results } = await deskApi.erase(email, mode);
      const lines = Object.entries(results).map(
        ([name, { anonymised, removed }]) => `${name}: ${anonymised} anonymised, ${removed} removed`,
      );
      setResult(`Erased (and logged). ${lines.join('; ')}.`);
      setConfirming(false);
      onChanged();
    } catch (caught) {
      toggleNotification({ type: 'danger', message: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={4} maxWidth="64rem">
        <Typography variant="beta" tag="h2">
          A reader&apos;s personal data
        </Typography>
        <Typography textColor="neutral600">
          Everything stored with an email address: comments (with their ratings, IP hash and browser) and anything else
          that registers itself. Reports are anonymous and are not part of it. Every export and erasure is logged.
        </Typography>
        <Field.Root name="personal-data-email" required>
          <Field.Label>Email address</Field.Label>
          <TextInput
            type="email"
            value={email}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEmail(event.target.value)}
          />
        </Field.Root>
        <Flex gap={2}>
          <Button variant="secondary" disabled={busy || !email.trim()} onClick={download}>
            Export as JSON
          </Button>
        </Flex>
        <Field.Root name="personal-data-mode">
          <Field.Label>When erasing, comments are</Field.Label>
          <Radio.Group
            value={mode}
            onValueChange={(value: string) => setMode(value as Mode)}
            aria-label="When erasing, comments are"
          >
            <Radio.Item value="anonymise">
              kept as “Anonymous” (words kept; name, email, website, rating, IP hash and browser removed)
            </Radio.Item>
            <Radio.Item value="delete">
              removed (replies by other readers move up to the removed comment&apos;s parent)
            </Radio.Item>
          </Radio.Group>
        </Field.Root>
        <Flex gap={2}>
          {confirming ? (
            <>
              <Button variant="danger" disabled={busy || !email.trim()} onClick={erase}>
                Yes, erase {email.trim()}
              </Button>
              <Button variant="tertiary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <Button variant="danger-light" disabled={busy || !email.trim()} onClick={() => setConfirming(true)}>
              Erase…
            </Button>
          )}
        </Flex>
        {result ? (
          <Typography role="status" textColor="success700">
            {result}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
};
