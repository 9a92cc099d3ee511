export default {
  routes: [
    {
      method: 'GET',
      path: '/comments/review/:slug',
      handler: 'api::comment.comment.findForReview',
      config: {},
    },
  ],
};
