/** Fields of an uploaded image that the site renders. */
export const media = { fields: ['url', 'alternativeText', 'width', 'height', 'mime', 'formats'] };

/**
 * A route middleware that fixes what a public read populates, decided once on the server instead of in every client
 * query. Whatever `populate` a caller sends is replaced, so nothing beyond this set can be reached through it.
 */
export const defaultPopulate =
  (populate: Record<string, unknown>, defaults: Record<string, unknown> = {}) =>
  () =>
  async (ctx: { query: Record<string, unknown> }, next: () => Promise<unknown>) => {
    ctx.query = { ...defaults, ...ctx.query, populate };
    await next();
  };
