import type { Core } from '@strapi/strapi';
import { internals } from '../strapi/internals';
import { registerPersonalData } from '../utils/personal-data';

const SUBSCRIBER = 'api::mail-subscriber.mail-subscriber';

interface SubscriberService {
  personalData(email: string): Promise<unknown>;
  erase(email: string): Promise<{ subscribers: number; subscriptions: number; emails: number }>;
}

/**
 * Subscriptions, confirmations and the emails queued or sent to an address join the desk's export and erasure. They
 * are removed whatever the comments' mode: an anonymised comment keeps no way back to the address.
 */
export const registerMailPersonalData = (strapi: Core.Strapi) => {
  const service = () => internals(strapi).own<SubscriberService>(SUBSCRIBER);
  registerPersonalData({
    name: 'subscriptions',
    export: (email) => service().personalData(email),
    erase: async (email) => {
      const removed = await service().erase(email);
      return { anonymised: 0, removed: removed.subscribers + removed.subscriptions + removed.emails };
    },
  });
};
