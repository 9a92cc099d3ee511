import { Badge, Box, Button, Checkbox, Field, Flex, Link, Tabs, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  ACTIONS,
  TABS,
  deskApi,
  errorMessage,
  type Counts,
  type Decision,
  type DeskComment,
  type DeskPage as DeskPageData,
  type Tab,
} from './api';
import { setPendingCount } from './pending';
import { PersonalDataPanel } from './PersonalData';

const PAGE_SIZE = 20;

const TAB_LABELS: Record<Tab, string> = {
  pending: 'Pending',
  reported: 'Reported',
  approved: 'Approved',
  spam: 'Spam',
  rejected: 'Rejected',
};

const DECISIONS: { status: Decision; label: string; variant: 'success' | 'danger-light' | 'tertiary' }[] = [
  { status: 'approved', label: 'Approve', variant: 'success' },
  { status: 'spam', label: 'Spam', variant: 'danger-light' },
  { status: 'rejected', label: 'Reject', variant: 'tertiary' },
];

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/** Has the logged-in admin this desk permission? (Super Admins hold every one.) */
const useCan = () => {
  const permissions = useAuth('ModerationDesk', (state) => state.permissions);
  return useCallback((action: string) => permissions.some((permission) => permission.action === action), [permissions]);
};

const StatusBadge = ({ comment }: { comment: DeskComment }) => {
  const colours: Record<DeskComment['status'], [string, string]> = {
    pending: ['warning100', 'warning700'],
    approved: ['success100', 'success700'],
    spam: ['danger100', 'danger700'],
    rejected: ['neutral150', 'neutral700'],
  };
  const [background, text] = colours[comment.status];
  return (
    <Badge backgroundColor={background} textColor={text}>
      {comment.status}
    </Badge>
  );
};

interface RowProps {
  comment: DeskComment;
  highlighted: boolean;
  selected: boolean;
  busy: boolean;
  canPromote: boolean;
  onSelect: (selected: boolean) => void;
  onDecide: (status: Decision) => void;
  onReply: (body: string) => Promise<boolean>;
  onPromote: (credit: boolean) => void;
}

const CommentRow = ({
  comment,
  highlighted,
  selected,
  busy,
  canPromote,
  onSelect,
  onDecide,
  onReply,
  onPromote,
}: RowProps) => {
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const [promoting, setPromoting] = useState(false);
  const [credit, setCredit] = useState(true);
  const reasons = useMemo(() => {
    const counted = new Map<string, number>();
    for (const report of comment.reports) counted.set(report.reason, (counted.get(report.reason) ?? 0) + 1);
    return [...counted.entries()];
  }, [comment.reports]);

  return (
    <Box
      tag="li"
      id={`comment-${comment.documentId}`}
      data-testid="desk-row"
      data-comment={comment.documentId}
      aria-current={highlighted ? 'true' : undefined}
      background={highlighted ? 'primary100' : 'neutral0'}
      borderColor={highlighted ? 'primary600' : 'neutral150'}
      hasRadius
      shadow="tableShadow"
      padding={5}
    >
      <Flex gap={4} alignItems="flex-start">
        <Box paddingTop={1}>
          <Checkbox
            aria-label={`Select the comment by ${comment.authorName}`}
            checked={selected}
            onCheckedChange={(value) => onSelect(value === true)}
          />
        </Box>
        <Flex direction="column" alignItems="stretch" gap={3} flex="1" minWidth={0}>
          <Flex gap={2} wrap="wrap" alignItems="center">
            <Typography variant="delta" tag="h3">
              {comment.authorName}
            </Typography>
            {comment.isStaff ? (
              <Badge backgroundColor="primary100" textColor="primary700">
                Staff
              </Badge>
            ) : null}
            <StatusBadge comment={comment} />
            {comment.rating ? (
              <Typography variant="pi" textColor="neutral700" aria-label={`Rated ${comment.rating} out of 5`}>
                {'★'.repeat(comment.rating)}
                <Typography textColor="neutral300">{'★'.repeat(5 - comment.rating)}</Typography>
              </Typography>
            ) : null}
            <Typography variant="pi" textColor="neutral600">
              {when(comment.createdAt)}
            </Typography>
          </Flex>

          <Typography variant="pi" textColor="neutral600">
            On{' '}
            {comment.url && comment.review ? (
              <Link href={comment.url} isExternal>
                {comment.review.title}
              </Link>
            ) : (
              (comment.review?.title ?? 'no review')
            )}
            {comment.heldReason ? ` · Held: ${comment.heldReason}` : ''}
            {comment.sameAddress > 0
              ? ` · Same address as ${comment.sameAddress} other comment${comment.sameAddress === 1 ? '' : 's'}`
              : ''}
          </Typography>

          {comment.parent ? (
            <Box
              background="neutral100"
              padding={3}
              hasRadius
              borderStyle="solid"
              borderWidth="0 0 0 4px"
              borderColor="neutral300"
            >
              <Typography variant="pi" fontWeight="bold" textColor="neutral700">
                In reply to {comment.parent.authorName}
                {comment.parent.status !== 'approved' ? ` (${comment.parent.status})` : ''}
              </Typography>
              <Typography variant="pi" textColor="neutral700" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.parent.body.length > 400 ? `${comment.parent.body.slice(0, 400)}…` : comment.parent.body}
              </Typography>
            </Box>
          ) : null}

          <Typography
            tag="p"
            textColor="neutral800"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="desk-body"
          >
            {comment.body}
          </Typography>

          {comment.reports.length > 0 || comment.hiddenByReports ? (
            <Box background="danger100" padding={3} hasRadius>
              <Typography variant="pi" fontWeight="bold" textColor="danger700">
                {comment.reportCount} report{comment.reportCount === 1 ? '' : 's'}
                {comment.hiddenByReports ? ' · hidden from the site until you decide' : ''}
                {reasons.length ? ` · ${reasons.map(([reason, count]) => `${reason} ×${count}`).join(', ')}` : ''}
              </Typography>
              {comment.reports
                .filter((report) => report.note)
                .map((report, index) => (
                  <Typography key={index} variant="pi" tag="p" textColor="danger700">
                    “{report.note}” ({report.reason})
                  </Typography>
                ))}
            </Box>
          ) : null}

          {comment.faq ? (
            <Typography variant="pi" textColor="neutral600">
              FAQ ({comment.faq.published ? 'published' : 'draft'}):{' '}
              <Link href={`/admin/content-manager/collection-types/api::faq.faq/${comment.faq.documentId}`}>
                {comment.faq.question}
              </Link>
            </Typography>
          ) : null}

          <Flex gap={2} wrap="wrap">
            {DECISIONS.filter((decision) => decision.status !== comment.status || comment.reportCount > 0).map(
              (decision) => (
                <Button
                  key={decision.status}
                  size="S"
                  variant={decision.variant}
                  disabled={busy}
                  onClick={() => onDecide(decision.status)}
                >
                  {decision.label}
                </Button>
              ),
            )}
            {comment.status === 'approved' || comment.status === 'pending' ? (
              <Button
                size="S"
                variant="secondary"
                disabled={busy}
                onClick={() => setReplying((open) => !open)}
                aria-expanded={replying}
              >
                Reply as staff
              </Button>
            ) : null}
            {canPromote && !comment.faq && comment.review ? (
              <Button
                size="S"
                variant="secondary"
                disabled={busy}
                onClick={() => setPromoting((open) => !open)}
                aria-expanded={promoting}
              >
                Make an FAQ
              </Button>
            ) : null}
          </Flex>

          {replying ? (
            <Box
              tag="form"
              onSubmit={async (event: React.FormEvent) => {
                event.preventDefault();
                // What was typed stays in the box until the reply is saved.
                if (await onReply(reply)) {
                  setReply('');
                  setReplying(false);
                }
              }}
            >
              <Field.Root
                name={`reply-${comment.documentId}`}
                hint="Published at once, with a Staff badge, under this comment."
              >
                <Field.Label>Your reply to {comment.authorName}</Field.Label>
                <Textarea
                  value={reply}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReply(event.target.value)}
                  maxLength={5000}
                />
                <Field.Hint />
              </Field.Root>
              <Flex gap={2} paddingTop={2}>
                <Button type="submit" size="S" disabled={busy || !reply.trim()}>
                  Publish reply
                </Button>
                <Button type="button" size="S" variant="tertiary" onClick={() => setReplying(false)}>
                  Cancel
                </Button>
              </Flex>
            </Box>
          ) : null}

          {promoting ? (
            <Box background="neutral100" padding={3} hasRadius>
              <Typography variant="pi" tag="p" textColor="neutral700">
                A draft FAQ on “{comment.review?.title}” with this comment as its question (shortened to 255 characters
                if longer). You write the answer and publish it; then the comment links to it on the site.
              </Typography>
              <Flex gap={3} paddingTop={2} alignItems="center">
                <Checkbox checked={credit} onCheckedChange={(value) => setCredit(value === true)}>
                  Credit {comment.authorName} (“asked by {comment.authorName}”)
                </Checkbox>
                <Button size="S" disabled={busy} onClick={() => onPromote(credit)}>
                  Create draft FAQ
                </Button>
              </Flex>
            </Box>
          ) : null}
        </Flex>
      </Flex>
    </Box>
  );
};

const Queue = ({
  tab,
  version,
  highlight,
  onChanged,
}: {
  tab: Tab;
  version: number;
  highlight: string | null;
  onChanged: () => void;
}) => {
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DeskPageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  // version: every action anywhere on the desk refetches the open list, without a reload.
  useEffect(() => {
    let live = true;
    deskApi.list(tab, page, PAGE_SIZE).then(
      (next) => {
        if (!live) return;
        setData(next);
        setError(null);
      },
      (caught: unknown) => {
        if (live) setError(errorMessage(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [tab, page, version]);

  useEffect(() => {
    if (!highlight || !data) return;
    document.getElementById(`comment-${highlight}`)?.scrollIntoView({ block: 'center' });
  }, [highlight, data]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      const message = await work();
      toggleNotification({ type: 'success', message });
      setSelected(new Set());
      onChanged();
    } catch (caught) {
      toggleNotification({ type: 'danger', message: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  };

  const decide = (documentIds: string[], status: Decision) =>
    act(async () => {
      const { updated } = await deskApi.decide(documentIds, status);
      const verb = status === 'approved' ? 'Approved' : status === 'spam' ? 'Marked as spam' : 'Rejected';
      return `${verb}: ${updated.length} comment${updated.length === 1 ? '' : 's'}.`;
    });

  if (error) return <Page.Error content={error} />;
  if (!data) return <Page.Loading />;

  const rows = data.data;
  const { pageCount, total } = data.meta.pagination;
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.documentId));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={3} wrap="wrap" alignItems="center" background="neutral0" padding={3} hasRadius shadow="tableShadow">
        <Checkbox
          checked={allSelected ? true : selected.size > 0 ? 'indeterminate' : false}
          onCheckedChange={(value) =>
            setSelected(value === true ? new Set(rows.map((row) => row.documentId)) : new Set())
          }
          disabled={rows.length === 0}
        >
          Select all on this page
        </Checkbox>
        <Typography variant="pi" textColor="neutral600">
          {selected.size} selected
        </Typography>
        {DECISIONS.map((decision) => (
          <Button
            key={decision.status}
            size="S"
            variant={decision.variant}
            disabled={busy || selected.size === 0}
            onClick={() => decide([...selected], decision.status)}
          >
            {decision.label} selected
          </Button>
        ))}
        <Box marginLeft="auto">
          <Typography variant="pi" textColor="neutral600">
            {total} comment{total === 1 ? '' : 's'}
          </Typography>
        </Box>
      </Flex>

      {rows.length === 0 ? (
        <Page.NoData
          action={null}
          content={tab === 'pending' ? 'Nothing awaits moderation. Well done.' : 'No comments here.'}
        />
      ) : (
        <Flex
          tag="ol"
          direction="column"
          alignItems="stretch"
          gap={3}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {rows.map((comment) => (
            <CommentRow
              key={comment.documentId}
              comment={comment}
              highlighted={comment.documentId === highlight}
              selected={selected.has(comment.documentId)}
              busy={busy}
              canPromote={can(ACTIONS.promoteFaq)}
              onSelect={(value) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (value) next.add(comment.documentId);
                  else next.delete(comment.documentId);
                  return next;
                })
              }
              onDecide={(status) => decide([comment.documentId], status)}
              onReply={async (body) => {
                let ok = false;
                await act(async () => {
                  await deskApi.reply(comment.documentId, body);
                  ok = true;
                  return `Reply published under ${comment.authorName}'s comment.`;
                });
                return ok;
              }}
              onPromote={(credit) =>
                act(async () => {
                  const { editPath } = await deskApi.promote(comment.documentId, credit);
                  navigate(editPath);
                  return 'Draft FAQ created: write the answer and publish it.';
                })
              }
            />
          ))}
        </Flex>
      )}

      {pageCount > 1 ? (
        <Flex gap={3} justifyContent="center" tag="nav" aria-label="Pages">
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Typography variant="pi">
            Page {page} of {pageCount}
          </Typography>
          <Button variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};

const PERSONAL = 'personal-data';

const DeskPage = () => {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const requested = params.get('tab');
  const tab: Tab | typeof PERSONAL = isTab(requested)
    ? requested
    : requested === PERSONAL && can(ACTIONS.personalData)
      ? PERSONAL
      : 'pending';
  const highlight = params.get('comment');
  const [counts, setCounts] = useState<Counts | null>(null);
  // Bumped after every action: the open tab's list is refetched with the counts, without a reload.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    deskApi.counts().then(
      (next) => {
        if (!live) return;
        setCounts(next);
        setPendingCount(next.pending);
      },
      () => {
        if (live) setCounts(null);
      },
    );
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <Page.Main>
      <Page.Title>Moderation</Page.Title>
      <Layouts.Header
        title="Moderation"
        subtitle={
          counts ? `${counts.pending} pending · ${counts.reported} reported` : 'Reader comments awaiting a decision'
        }
      />
      <Layouts.Content>
        <Tabs.Root
          value={tab}
          onValueChange={(value) => setParams(value === 'pending' ? {} : { tab: value })}
          variant="simple"
        >
          <Tabs.List aria-label="Comments by status">
            {TABS.map((name) => (
              <Tabs.Trigger key={name} value={name} data-testid={`tab-${name}`}>
                {TAB_LABELS[name]}
                {counts ? ` (${counts[name]})` : ''}
              </Tabs.Trigger>
            ))}
            {can(ACTIONS.personalData) ? <Tabs.Trigger value={PERSONAL}>Personal data</Tabs.Trigger> : null}
          </Tabs.List>
          <Box paddingTop={4}>
            {TABS.map((name) => (
              <Tabs.Content key={name} value={name}>
                {tab === name ? (
                  <Queue
                    tab={name}
                    version={version}
                    highlight={highlight}
                    onChanged={() => setVersion((value) => value + 1)}
                  />
                ) : null}
              </Tabs.Content>
            ))}
            <Tabs.Content value={PERSONAL}>
              {tab === PERSONAL ? <PersonalDataPanel onChanged={() => setVersion((value) => value + 1)} /> : null}
            </Tabs.Content>
          </Box>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DeskPage;
