import { factories } from '@strapi/strapi';

// Listing goes through the thread route (routes/thread.ts), which answers approved comments only, so the core
// find/findOne are not routed at all. create is granted to the web's token alone; update and delete to nobody.
export default factories.createCoreRouter('api::comment.comment', {
  except: ['find', 'findOne'],
});
