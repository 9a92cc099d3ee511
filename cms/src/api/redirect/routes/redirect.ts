// Where an old path leads is public (the redirect answers it to anyone): the web asks here for paths it does not know.
export default {
  routes: [{ method: 'GET', path: '/redirects/resolve', handler: 'redirect.resolve', config: { auth: false } }],
};
