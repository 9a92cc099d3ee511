export default {
  // Granted to the web's API token alone (bootstrap/web-token.ts); the controller checks it is that token too.
  routes: [
    { method: 'POST', path: '/mail/confirm', handler: 'api::mail.mail.confirm', config: {} },
    { method: 'POST', path: '/mail/unsubscribe', handler: 'api::mail.mail.unsubscribe', config: {} },
  ],
};
