import { Box, Button, Checkbox, Dialog, Flex, Link, Modal, Typography } from '@strapi/design-system';
import { unstable_useDocument, useForm, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../moderation/api';
import {
  REVIEW_UID,
  REVISION_LABELS,
  newsroomApi,
  when,
  type Checklist,
  type FieldDiff,
  type Revision,
  type RevisionDiff,
} from './api';

/** A load that runs again whenever `key` changes (the document's updatedAt: after every save or restore). */
const useLoad = <T,>(load: (() => Promise<T>) | null, key: string) => {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (next) => {
        if (!live) return;
        setData(next);
        setError(null);
      },
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
    // load is rebuilt each render; the key says when the answer can have changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, again]);
  return { data, error, reload: useCallback(() => setAgain((value) => value + 1), []) };
};

const isReview = (props: PanelComponentProps): props is PanelComponentProps & { documentId: string } =>
  props.model === REVIEW_UID && typeof props.documentId === 'string' && props.documentId !== '';

const savedKey = (props: PanelComponentProps) => `${props.documentId ?? ''}:${String(props.document?.updatedAt ?? '')}`;

const ChecklistContent = ({ checklist }: { checklist: Checklist }) => {
  const items = [
    ...checklist.errors.map((item) => ({ ...item, error: true })),
    ...checklist.warnings.map((item) => ({ ...item, error: false })),
  ];
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="newsroom-checklist">
      <Typography variant="pi" textColor="neutral600">
        {checklist.words} words · {checklist.readingMinutes} min read
      </Typography>
      {items.length === 0 ? (
        <Typography variant="pi" textColor="success600">
          Ready to publish: every check passes.
        </Typography>
      ) : (
        <Flex
          tag="ul"
          direction="column"
          alignItems="stretch"
          gap={2}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {items.map((item, index) => (
            <Box
              tag="li"
              key={index}
              padding={2}
              hasRadius
              background={item.error ? 'danger100' : 'warning100'}
              data-testid={item.error ? 'checklist-error' : 'checklist-warning'}
            >
              <Typography variant="pi" fontWeight="bold" textColor={item.error ? 'danger700' : 'warning700'}>
                {item.error ? 'Stops Publish' : 'Warning'} · {item.field}
              </Typography>
              <Typography variant="pi" tag="p" textColor="neutral800">
                {item.message}
              </Typography>
            </Box>
          ))}
        </Flex>
      )}
    </Flex>
  );
};

/** (a) The pre-publish checklist of the saved draft, as Publish and the scheduler will judge it. */
const ChecklistPanel: PanelComponent = (props) => {
  const review = isReview(props);
  const { data, error } = useLoad(review ? () => newsroomApi.checklist(props.documentId ?? '') : null, savedKey(props));
  if (!review) return null;
  return {
    title: 'Checklist',
    content: error ? (
      <Typography variant="pi" textColor="danger600">
        {error}
      </Typography>
    ) : data ? (
      <Box width="100%">
        <ChecklistContent checklist={data} />
        <Typography variant="pi" textColor="neutral500" tag="p">
          Of the last save: save to check your changes.
        </Typography>
      </Box>
    ) : (
      <Typography variant="pi">Checking…</Typography>
    ),
  };
};

/** (c, d) Where the review is live: a "View on site" link, and a warning when the slug in the form differs. */
const AddressPanel: PanelComponent = (props) => {
  const review = isReview(props);
  const { data } = useLoad(review ? () => newsroomApi.live(props.documentId ?? '') : null, savedKey(props));
  const slug = useForm('NewsroomAddress', (state) => (state.values as { slug?: unknown }).slug, false);
  if (!review || !data) return null;
  const changed = typeof slug === 'string' && slug !== '' && slug !== data.slug;
  return {
    title: 'On the site',
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        <Link href={data.url} isExternal>
          View on site
        </Link>
        {changed ? (
          <Box padding={2} hasRadius background="warning100" data-testid="newsroom-slug-warning">
            <Typography variant="pi" textColor="warning700">
              The address changes from /reviews/{data.slug} to /reviews/{slug} when you publish. The old address will
              redirect to the new one.
            </Typography>
          </Box>
        ) : null}
      </Flex>
    ),
  };
};

const fieldLabel = (field: string) => {
  const [name, index] = field.split('.');
  if (name === 'sections') return `Section ${index ?? ''}`;
  if (name === 'faqs') return `FAQ ${index ?? ''}`;
  return (name ?? field).replace(/([A-Z])/g, ' $1').replace(/^./, (letter) => letter.toUpperCase());
};

const Words = ({ diff, side }: { diff: FieldDiff; side: 'before' | 'after' }) => (
  <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {diff.parts
      .filter((part) => (side === 'before' ? !part.added : !part.removed))
      .map((part, index) =>
        part.removed ? (
          <del key={index} style={{ background: '#fcd5d5', color: '#b72b1a' }}>
            {part.value}
          </del>
        ) : part.added ? (
          <ins key={index} style={{ background: '#c6f0c2', color: '#2f6846', textDecoration: 'none' }}>
            {part.value}
          </ins>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
  </Typography>
);

const DiffView = ({ diff }: { diff: RevisionDiff }) => (
  <Flex direction="column" alignItems="stretch" gap={4} data-testid="newsroom-diff">
    <Flex gap={4}>
      <Box flex="1">
        <Typography variant="sigma">
          {REVISION_LABELS[diff.left.action]} by {diff.left.actor}, {when(diff.left.at)}
        </Typography>
      </Box>
      <Box flex="1">
        <Typography variant="sigma">
          {REVISION_LABELS[diff.right.action]} by {diff.right.actor}, {when(diff.right.at)}
        </Typography>
      </Box>
    </Flex>
    {diff.fields.length === 0 ? <Typography>These two versions are the same.</Typography> : null}
    {diff.fields.map((field) => (
      <Box key={field.field} tag="section" borderColor="neutral200" hasRadius padding={3}>
        <Typography variant="delta" tag="h3">
          {fieldLabel(field.field)}
        </Typography>
        <Flex gap={4} alignItems="flex-start" paddingTop={2}>
          <Box flex="1" minWidth={0} data-testid="diff-before">
            {field.kind === 'words' ? (
              <Words diff={field} side="before" />
            ) : (
              <Typography style={{ whiteSpace: 'pre-wrap' }}>{field.before || '(empty)'}</Typography>
            )}
          </Box>
          <Box flex="1" minWidth={0} data-testid="diff-after">
            {field.kind === 'words' ? (
              <Words diff={field} side="after" />
            ) : (
              <Typography style={{ whiteSpace: 'pre-wrap' }}>{field.after || '(empty)'}</Typography>
            )}
          </Box>
        </Flex>
      </Box>
    ))}
  </Flex>
);

/** The same query the edit view reads its document with, so a refetch here refills the form there. */
const useEditViewDocument = (props: PanelComponentProps) => {
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = useMemo(() => {
    const { plugins, ...rest } = query;
    const flattened =
      typeof plugins === 'object' && plugins !== null
        ? Object.values(plugins).filter((value): value is object => typeof value === 'object' && value !== null)
        : [];
    return Object.assign({}, rest, ...flattened) as Record<string, unknown>;
  }, [query]);
  return unstable_useDocument(
    { documentId: props.documentId ?? '', model: props.model, collectionType: props.collectionType, params },
    { skip: !isReview(props) },
  );
};

const RevisionRow = ({
  revision,
  selected,
  disabled,
  onSelect,
  onRestore,
}: {
  revision: Revision;
  selected: boolean;
  disabled: boolean;
  onSelect: (value: boolean) => void;
  onRestore: () => void;
}) => (
  <Box tag="li" paddingBottom={2} data-testid="newsroom-revision">
    <Flex gap={2} alignItems="flex-start">
      <Checkbox
        aria-label={`Compare the version of ${when(revision.at)}`}
        checked={selected}
        disabled={disabled && !selected}
        onCheckedChange={(value) => onSelect(value === true)}
      />
      <Box flex="1" minWidth={0}>
        <Typography variant="pi" fontWeight="bold">
          {REVISION_LABELS[revision.action]} · {revision.actor}
        </Typography>
        <Typography variant="pi" tag="p" textColor="neutral600">
          {when(revision.at)}
        </Typography>
        {revision.changedFields.length ? (
          <Typography variant="pi" tag="p" textColor="neutral600">
            Changed: {revision.changedFields.map(fieldLabel).join(', ')}
          </Typography>
        ) : null}
        <Button size="S" variant="tertiary" onClick={onRestore}>
          Restore as draft
        </Button>
      </Box>
    </Flex>
  </Box>
);

/** (b) Who changed what and when; a side-by-side diff of two versions; restore one as the draft, never published. */
const HistoryPanel: PanelComponent = (props) => {
  const review = isReview(props);
  const documentId = props.documentId ?? '';
  const { toggleNotification } = useNotification();
  const { refetch } = useEditViewDocument(props);
  const { data: revisions, error } = useLoad(review ? () => newsroomApi.revisions(documentId) : null, savedKey(props));
  const [chosen, setChosen] = useState<number[]>([]);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [restoring, setRestoring] = useState<Revision | null>(null);
  const [busy, setBusy] = useState(false);
  if (!review) return null;

  const compare = async () => {
    const [a, b] = [...chosen].sort((x, y) => x - y);
    if (a === undefined || b === undefined) return;
    try {
      setDiff(await newsroomApi.diff(documentId, a, b));
    } catch (caught) {
      toggleNotification({ type: 'danger', message: errorMessage(caught) });
    }
  };

  const restore = async (revision: Revision) => {
    setBusy(true);
    try {
      const { missing } = await newsroomApi.restore(documentId, revision.id);
      refetch();
      toggleNotification({
        type: missing.length ? 'warning' : 'success',
        message: `The version of ${when(revision.at)} is now the draft. Nothing was published.${missing.length ? ` Left out, since deleted: ${missing.join(', ')}.` : ''}`,
      });
    } catch (caught) {
      toggleNotification({ type: 'danger', message: errorMessage(caught) });
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  };

  return {
    title: 'History',
    content: (
      <Box width="100%">
        {error ? (
          <Typography variant="pi" textColor="danger600">
            {error}
          </Typography>
        ) : !revisions ? (
          <Typography variant="pi">Loading…</Typography>
        ) : revisions.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            No versions yet: every save keeps one.
          </Typography>
        ) : (
          <>
            <Flex gap={2} paddingBottom={2} alignItems="center">
              <Button size="S" variant="secondary" disabled={chosen.length !== 2} onClick={compare}>
                Compare selected
              </Button>
              <Typography variant="pi" textColor="neutral600">
                {chosen.length}/2 chosen
              </Typography>
            </Flex>
            <Box tag="ol" style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: '24rem', overflowY: 'auto' }}>
              {revisions.map((revision) => (
                <RevisionRow
                  key={revision.id}
                  revision={revision}
                  selected={chosen.includes(revision.id)}
                  disabled={chosen.length >= 2}
                  onSelect={(value) =>
                    setChosen((current) =>
                      value ? [...current, revision.id].slice(-2) : current.filter((id) => id !== revision.id),
                    )
                  }
                  onRestore={() => setRestoring(revision)}
                />
              ))}
            </Box>
          </>
        )}

        <Modal.Root open={diff !== null} onOpenChange={(open: boolean) => (open ? null : setDiff(null))}>
          <Modal.Content style={{ maxWidth: '90vw', width: '72rem' }}>
            <Modal.Header>
              <Modal.Title>Compare versions</Modal.Title>
            </Modal.Header>
            <Modal.Body>{diff ? <DiffView diff={diff} /> : null}</Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">Close</Button>
              </Modal.Close>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>

        <Dialog.Root open={restoring !== null} onOpenChange={(open: boolean) => (open ? null : setRestoring(null))}>
          <Dialog.Content>
            <Dialog.Header>Restore as draft?</Dialog.Header>
            <Dialog.Body>
              <Typography tag="p" textAlign="center">
                The version of {restoring ? when(restoring.at) : ''} becomes the draft of this review, with its
                sections, relations and FAQs. It is never published by itself: the live page keeps its text until you
                publish. Unsaved changes in this form are replaced.
              </Typography>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button variant="tertiary" fullWidth>
                  Cancel
                </Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button fullWidth disabled={busy} onClick={() => restoring && restore(restoring)}>
                  Restore as draft
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      </Box>
    ),
  };
};

export const NEWSROOM_PANELS: PanelComponent[] = [ChecklistPanel, AddressPanel, HistoryPanel];
