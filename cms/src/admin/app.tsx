import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS } from './moderation/api';
import { MenuIcon } from './moderation/MenuIcon';

export default {
  config: {
    locales: [],
  },
  register(app: StrapiApp) {
    // The moderation desk at /admin/moderation (emails link to ?tab=pending&comment=<documentId>).
    app.addMenuLink({
      to: 'moderation',
      icon: MenuIcon,
      intlLabel: { id: 'marquee.moderation.menu', defaultMessage: 'Moderation' },
      permissions: [{ action: ACTIONS.use, subject: null }],
      Component: () => import('./moderation/DeskPage'),
      position: 2,
    });
  },
};
