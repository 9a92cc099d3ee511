export default {
  routes: [
    {
      method: 'GET',
      path: '/comments/review/:slug',
      handler: 'api::comment.comment.findForReview',
      config: {},
    },
    {
      method: 'GET',
      path: '/comments/review/:slug/:comment',
      handler: 'api::comment.comment.locate',
      config: {},
    },
  ],
};
