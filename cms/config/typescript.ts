export default () => ({
  // Types in types/generated are regenerated on purpose (`npm run strapi ts:generate-types`), not on every start.
  autogenerate: false,
});
