import type { ComponentType } from 'react';
import { Page, useAuth } from '@strapi/strapi/admin';
import { Navigate } from 'react-router-dom';
import { ACTIONS } from './moderation/api';
import { NEWSROOM_ACTIONS } from './newsroom/api';

/**
 * The admin panel's home: Editors and Super Admins land on the newsroom, Moderators on the moderation desk; anyone
 * else (an Author, a custom role) sees Strapi's own home page.
 */
export const Landing = ({ Home }: { Home: ComponentType | undefined }) => {
  const permissions = useAuth('Landing', (state) => state.permissions);
  const isLoading = useAuth('Landing', (state) => state.isLoading);
  if (isLoading) return <Page.Loading />;
  const can = (action: string) => permissions.some((permission) => permission.action === action);
  if (can(NEWSROOM_ACTIONS.use)) return <Navigate to="/newsroom" replace />;
  if (can(ACTIONS.use)) return <Navigate to="/moderation" replace />;
  return Home ? <Home /> : null;
};
