export default {
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'api::health.health.check',
      // For container healthchecks and load balancers: no token, and it reveals nothing but up or down.
      config: { auth: false },
    },
  ],
};
