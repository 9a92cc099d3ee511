/** Email notifications: a durable queue in the database, sent by a worker through Strapi's email plugin. */
export { startMailWorker } from './worker';
export { withoutMail, runDigest, setLastDigest, moderatorAddresses } from './notify';
export { processDue, enqueue, skipReasons } from './queue';
export { signToken, verifyToken } from './tokens';
export { registerMailPersonalData } from './personal-data';
