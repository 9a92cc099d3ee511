import type { Core } from '@strapi/strapi';
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  id: number | null;
  name: string;
}

const system = new AsyncLocalStorage<Actor>();

/** Runs `work` as a named process of the CMS (the scheduler, an import): what it saves is logged under that name. */
export const asSystem = <T>(name: string, work: () => Promise<T>) => system.run({ id: null, name }, work);

const adminUser = (value: unknown): Actor | null => {
  if (typeof value !== 'object' || value === null || !('id' in value) || typeof value.id !== 'number') return null;
  const user = value as { id: number; firstname?: unknown; lastname?: unknown; username?: unknown; email?: unknown };
  const name = [user.firstname, user.lastname].filter((part) => typeof part === 'string' && part).join(' ');
  return { id: user.id, name: name || (typeof user.username === 'string' ? user.username : '') || `Admin #${user.id}` };
};

/** Who is saving: the admin user of the request, a named process, or the CMS itself (a seed, a script). */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const named = system.getStore();
  if (named) return named;
  const ctx: unknown = strapi.requestContext.get();
  const user =
    typeof ctx === 'object' && ctx !== null && 'state' in ctx
      ? adminUser((ctx.state as { user?: unknown }).user)
      : null;
  return user ?? { id: null, name: 'Marquee' };
};

/** Whether this save is a person's, through the admin panel or the API, or a scheduled one: the checklist applies. */
export const checklistApplies = (strapi: Core.Strapi) =>
  system.getStore()?.name === SCHEDULER || strapi.requestContext.get() !== undefined;

export const SCHEDULER = 'Scheduler';
