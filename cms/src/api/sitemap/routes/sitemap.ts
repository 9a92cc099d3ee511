export default {
  routes: [
    {
      method: 'GET',
      path: '/sitemap/reviews',
      handler: 'api::sitemap.sitemap.reviews',
      // Public and read-only: the slugs and dates of published reviews are on every public page already, and this
      // answers nothing else. No role permission to grant, so nothing else opens with it.
      config: { auth: false },
    },
  ],
};
