import { Discuss } from '@strapi/icons';
import type { SVGProps } from 'react';
import { usePendingCount } from './pending';

/** The desk's menu icon, with the number of comments awaiting moderation on it (as WordPress's "Comments (2)"). */
export const MenuIcon = (props: SVGProps<SVGSVGElement>) => {
  const count = usePendingCount();
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }} data-testid="moderation-menu-icon">
      <Discuss {...props} />
      {count ? (
        <span
          data-testid="moderation-pending-count"
          title={`${count} pending`}
          style={{
            position: 'absolute',
            top: -8,
            right: -12,
            minWidth: 18,
            height: 18,
            padding: '0 5px',
            borderRadius: 9,
            background: '#4945ff',
            color: '#fff',
            fontSize: 11,
            fontWeight: 600,
            lineHeight: '18px',
            textAlign: 'center',
          }}
        >
          {count > 99 ? '99+' : count}
          <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {' '}
            comments pending
          </span>
        </span>
      ) : null}
    </span>
  );
};
