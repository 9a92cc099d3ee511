import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { ReviewLink, ScheduledList, useOverview } from './NewsroomPage';

/** The newsroom at a glance on the admin's home page: what goes out next, and the drafts the checklist still stops. */
const NewsroomWidget = () => {
  const { overview, error } = useOverview();
  if (error) return <Widget.Error>{error}</Widget.Error>;
  if (!overview) return <Widget.Loading />;
  const blocked = overview.drafts.filter((review) => review.checklist.errors.length > 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <ScheduledList reviews={overview.scheduled.slice(0, 5)} />
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {overview.drafts.length} drafts, {blocked.length} stopped by the checklist
        </Typography>
        {blocked.slice(0, 3).map((review) => (
          <Box key={review.documentId} paddingTop={1}>
            <ReviewLink documentId={review.documentId} title={review.title} />
          </Box>
        ))}
      </Box>
    </Flex>
  );
};

export default NewsroomWidget;
