import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Pencil as NewsroomIcon } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { RouteObject } from 'react-router-dom';
import { ACTIONS } from './moderation/api';
import { MenuIcon } from './moderation/MenuIcon';
import { NEWSROOM_ACTIONS } from './newsroom/api';
import { NEWSROOM_PANELS } from './newsroom/panels';

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

/** The content manager's extension API, checked rather than cast (Strapi types a plugin's apis as unknown). */
const isContentManagerApis = (apis: unknown): apis is ContentManagerApis =>
  typeof apis === 'object' &&
  apis !== null &&
  'addEditViewSidePanel' in apis &&
  typeof apis.addEditViewSidePanel === 'function';

/** Strapi's home route, wrapped so that each role lands on its own desk (see Landing). */
const landing = (home: RouteObject): RouteObject => ({
  index: true,
  lazy: async () => {
    const [strapiHome, { Landing }] = await Promise.all([home.lazy?.(), import('./Landing')]);
    const Home = strapiHome?.Component ?? undefined;
    return { Component: () => <Landing Home={Home} /> };
  },
});

export default {
  config: {
    locales: [],
    // No tutorial videos or release notes for editors (the guided tour shows only to the first Super Admin in development).
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The admin's home is the newsroom for Editors and Super Admins, the moderation desk for Moderators.
    app.router.addRoute((routes) => routes.map((route) => (route.index ? landing(route) : route)));
    // The newsroom at /admin/newsroom, first of the editors' links.
    app.addMenuLink({
      to: 'newsroom',
      icon: NewsroomIcon,
      intlLabel: { id: 'marquee.newsroom.menu', defaultMessage: 'Newsroom' },
      permissions: [{ action: NEWSROOM_ACTIONS.use, subject: null }],
      Component: () => import('./newsroom/NewsroomPage'),
      position: 1,
    });
    // The moderation desk at /admin/moderation (emails link to ?tab=pending&comment=<documentId>).
    app.addMenuLink({
      to: 'moderation',
      icon: MenuIcon,
      intlLabel: { id: 'marquee.moderation.menu', defaultMessage: 'Moderation' },
      permissions: [{ action: ACTIONS.use, subject: null }],
      Component: () => import('./moderation/DeskPage'),
      position: 2,
    });
    // The Film's year, written as a year ("2016", not Strapi's grouped "2,016"); registered on the server in src/index.ts.
    app.customFields.register({
      name: 'year',
      type: 'integer',
      intlLabel: { id: 'marquee.field.year', defaultMessage: 'Year' },
      intlDescription: { id: 'marquee.field.year.description', defaultMessage: 'A year, such as 2016' },
      components: { Input: () => import('./fields/YearInput') },
    });
  },
  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis;
    if (isContentManagerApis(apis)) apis.addEditViewSidePanel(NEWSROOM_PANELS);
  },
};
