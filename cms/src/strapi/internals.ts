/**
 * Strapi's services that have no public types, typed once here: an upgrade of Strapi has this one file to check.
 * Each accessor names the service as Strapi registers it and the part of its shape that Marquee calls.
 */
import type { Core } from '@strapi/strapi';

export interface AdminUser {
  id: number;
  email?: string;
  password?: string | null;
  isActive?: boolean;
}

export interface AdminRole {
  id: number;
  name: string;
  code: string;
}

export interface AdminAction {
  actionId: string;
  section: string;
  subjects?: string[];
}

export interface AdminPermission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
}

export interface ContentManagerMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

export interface ContentManagerConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, ContentManagerMetadata>;
  layouts: Record<string, unknown>;
}

interface Services {
  users: {
    exists(): Promise<boolean>;
    createFirstAdmin(attributes: Record<string, string>): Promise<unknown>;
    create(attributes: Record<string, unknown>): Promise<unknown>;
    findOneByEmail(email: string): Promise<AdminUser | null>;
    updateById(id: number, attributes: Record<string, unknown>): Promise<unknown>;
  };
  auth: { validatePassword(password: string, hash: string): Promise<boolean> };
  roles: {
    getSuperAdmin(): Promise<{ id: number } | null>;
    findOne(params: Record<string, unknown>): Promise<AdminRole | null>;
    create(attributes: Record<string, unknown>): Promise<AdminRole>;
    assignPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
  };
  permissions: {
    actionProvider: { values(): AdminAction[]; registerMany(actions: unknown[]): Promise<void> };
    deleteByIds(ids: number[]): Promise<unknown>;
  };
  contentTypes: {
    getPermissionsWithNestedFields(
      actions: AdminAction[],
      options: { restrictedSubjects: string[] },
    ): AdminPermission[];
  };
  apiTokens: {
    getByName(name: string): Promise<{ id: number; accessKey?: string } | null>;
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
    update(id: number, attributes: Record<string, unknown>): Promise<unknown>;
    hash(accessKey: string): string;
  };
  encryption: { encrypt(value: string): string };
  contentManagerConfiguration: {
    findConfiguration(contentType: { uid: string }): Promise<ContentManagerConfiguration>;
    updateConfiguration(
      contentType: { uid: string },
      configuration: Partial<ContentManagerConfiguration>,
    ): Promise<unknown>;
  };
  upload: {
    upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<{ id: number }[]>;
  };
}

/** Strapi's admin and plugin services, typed. Read lazily: a service is looked up when it is called for. */
export const internals = (strapi: Core.Strapi) => ({
  users: () => strapi.service('admin::user') as unknown as Services['users'],
  auth: () => strapi.service('admin::auth') as unknown as Services['auth'],
  roles: () => strapi.service('admin::role') as unknown as Services['roles'],
  permissions: () => strapi.service('admin::permission') as unknown as Services['permissions'],
  contentTypes: () => strapi.service('admin::content-type') as unknown as Services['contentTypes'],
  apiTokens: () => strapi.service('admin::api-token-content-api') as unknown as Services['apiTokens'],
  encryption: () => strapi.service('admin::encryption') as unknown as Services['encryption'],
  contentManagerConfiguration: () =>
    strapi.plugin('content-manager').service('content-types') as unknown as Services['contentManagerConfiguration'],
  upload: () => strapi.plugin('upload').service('upload') as unknown as Services['upload'],
  /** One of Marquee's own custom services, whose methods Strapi's registry does not type. */
  own: <T>(uid: 'api::moderation-desk.desk' | 'api::mail-subscriber.mail-subscriber') =>
    strapi.service(uid) as unknown as T,
});

interface Column {
  columnName?: string;
  /** What Strapi fills an absent value with: documentId's is the function that makes a new id. */
  default?: unknown;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

/** The table and column names Strapi chose for a content type, from its database metadata. */
export const tableMetadata = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid) as unknown as { tableName: string; attributes: Record<string, Column> };
