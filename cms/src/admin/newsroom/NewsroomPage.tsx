import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { errorMessage } from '../moderation/api';
import { ACTIVITY_LABELS, editPath, newsroomApi, when, type Overview, type ReviewSummary } from './api';

/** An instant the server wrote into a log line, shown in the editor's zone like every other time here. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/** Loads the overview once; the page is read on arrival, like a newspaper's budget. */
const useOverview = () => {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    newsroomApi.overview().then(
      (next) => live && setOverview(next),
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { overview, error };
};

const ReviewLink = ({ documentId, title }: { documentId: string; title: string }) => (
  <Link tag={RouterLink} to={editPath(documentId)}>
    {title || 'Untitled review'}
  </Link>
);

const Section = ({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count: number;
  children: React.ReactNode;
  testId: string;
}) => (
  <Box
    tag="section"
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    padding={6}
    data-testid={testId}
    aria-label={title}
  >
    <Flex gap={2} paddingBottom={4} alignItems="center">
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <Badge>{count}</Badge>
    </Flex>
    {children}
  </Box>
);

const List = ({ children }: { children: React.ReactNode }) => (
  <Flex tag="ul" direction="column" alignItems="stretch" gap={3} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
    {children}
  </Flex>
);

const ChecklistState = ({ review }: { review: ReviewSummary }) => {
  const { errors, warnings, words, readingMinutes } = review.checklist;
  const summary = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} · ${words} words, ${readingMinutes} min read`;
  if (errors.length === 0 && warnings.length === 0) {
    return (
      <Typography variant="pi" textColor="success600">
        Ready to publish · {words} words, {readingMinutes} min read
      </Typography>
    );
  }
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Typography variant="pi" textColor={errors.length ? 'danger600' : 'warning600'}>
          {summary}
        </Typography>
      </summary>
      <Box tag="ul" paddingTop={2} paddingLeft={4}>
        {[
          ...errors.map((item) => ({ ...item, level: 'Error' })),
          ...warnings.map((item) => ({ ...item, level: 'Warning' })),
        ].map((item, index) => (
          <li key={index}>
            <Typography variant="pi" textColor={item.level === 'Error' ? 'danger700' : 'neutral700'}>
              {item.level} · {item.field}: {item.message}
            </Typography>
          </li>
        ))}
      </Box>
    </details>
  );
};

const Empty = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="omega" textColor="neutral600">
    {children}
  </Typography>
);

const ScheduledList = ({ reviews }: { reviews: ReviewSummary[] }) =>
  reviews.length === 0 ? (
    <Empty>Nothing scheduled. Set “Publish at” on a review to schedule it.</Empty>
  ) : (
    <List>
      {reviews.map((review) => (
        <Box tag="li" key={review.documentId} data-testid="newsroom-scheduled">
          <ReviewLink documentId={review.documentId} title={review.title} />
          <Typography variant="pi" textColor="neutral600" tag="p">
            {review.publishAt ? `Publishes ${when(review.publishAt)}` : ''}
            {review.publishAt && review.unpublishAt ? ' · ' : ''}
            {review.unpublishAt ? `Unpublishes ${when(review.unpublishAt)}` : ''}
          </Typography>
          {review.publishAt && review.checklist.errors.length > 0 ? (
            <Typography variant="pi" textColor="danger600" tag="p">
              Will not publish until the checklist’s errors are fixed:{' '}
              {review.checklist.errors.map((item) => item.field).join(', ')}.
            </Typography>
          ) : null}
        </Box>
      ))}
    </List>
  );

const NewsroomPage = () => {
  const { overview, error } = useOverview();
  if (error) return <Page.Error content={error} />;
  if (!overview) return <Page.Loading />;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Page.Main>
      <Page.Title>Newsroom</Page.Title>
      <Layouts.Header
        title="Newsroom"
        subtitle={`${overview.drafts.length} drafts · ${overview.scheduled.length} scheduled · ${overview.published.length} published this week · times in ${zone}`}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={6} alignItems="flex-start" wrap="wrap">
            <Box flex="1" minWidth="320px">
              <Section title="Scheduled" count={overview.scheduled.length} testId="newsroom-scheduled-section">
                <ScheduledList reviews={overview.scheduled} />
              </Section>
            </Box>
            <Box flex="1" minWidth="320px">
              <Section
                title="Published in the last 7 days"
                count={overview.published.length}
                testId="newsroom-published-section"
              >
                {overview.published.length === 0 ? (
                  <Empty>Nothing published this week.</Empty>
                ) : (
                  <List>
                    {overview.published.map((review) => (
                      <Box tag="li" key={review.documentId}>
                        <ReviewLink documentId={review.documentId} title={review.title} />
                        <Typography variant="pi" textColor="neutral600" tag="p">
                          {when(review.publishedAt)} ·{' '}
                          <Link href={review.url} isExternal>
                            View on site
                          </Link>
                        </Typography>
                      </Box>
                    ))}
                  </List>
                )}
              </Section>
            </Box>
          </Flex>

          <Section title="Drafts" count={overview.drafts.length} testId="newsroom-drafts-section">
            {overview.drafts.length === 0 ? (
              <Empty>No drafts waiting.</Empty>
            ) : (
              <List>
                {overview.drafts.map((review) => (
                  <Box tag="li" key={review.documentId} data-testid="newsroom-draft">
                    <Flex gap={2} alignItems="center">
                      <ReviewLink documentId={review.documentId} title={review.title} />
                      {review.live ? (
                        <Badge backgroundColor="secondary100" textColor="secondary700">
                          Live, with unpublished changes
                        </Badge>
                      ) : null}
                      <Typography variant="pi" textColor="neutral500">
                        saved {when(review.updatedAt)}
                      </Typography>
                    </Flex>
                    <ChecklistState review={review} />
                  </Box>
                ))}
              </List>
            )}
          </Section>

          <Section title="Activity" count={overview.activity.length} testId="newsroom-activity-section">
            {overview.activity.length === 0 ? (
              <Empty>No activity yet.</Empty>
            ) : (
              <List>
                {overview.activity.map((entry) => (
                  <Box tag="li" key={entry.id} data-testid="newsroom-activity">
                    <Typography variant="omega">
                      <Typography fontWeight="bold">{entry.actor}</Typography> {ACTIVITY_LABELS[entry.action]}{' '}
                      {entry.reviewDocumentId && entry.action !== 'delete' ? (
                        <ReviewLink documentId={entry.reviewDocumentId} title={entry.reviewTitle ?? 'a review'} />
                      ) : (
                        <Typography style={{ fontStyle: 'italic' }}>{entry.reviewTitle ?? 'a review'}</Typography>
                      )}
                      {entry.detail ? (
                        <Typography textColor="neutral600">
                          {' '}
                          ({entry.detail.replace(ISO_INSTANT, (iso) => when(iso))})
                        </Typography>
                      ) : null}
                    </Typography>
                    <Typography variant="pi" textColor="neutral500" tag="p">
                      {when(entry.at)}
                    </Typography>
                  </Box>
                ))}
              </List>
            )}
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default NewsroomPage;
