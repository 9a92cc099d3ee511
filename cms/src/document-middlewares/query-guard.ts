import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { isRecord, paginationProblem, whereProblem, type GetModel, type Model } from '../utils/query-guard';
import type { DocumentMiddleware } from './touched';

/** The parts of a document-service call's params that this guard reads. */
const maybe = z.unknown().optional();
const paramsSchema = z.object({ filters: maybe, pagination: maybe, page: maybe, start: maybe });

/**
 * Checks the filters and pagination of every document-service call (the REST API, the admin panel and our own code
 * all go through it), where the content type is known, and refuses a bad one with a 400 ValidationError.
 */
export const queryGuard = (strapi: Core.Strapi): DocumentMiddleware => {
  let models: Map<string, Model> | undefined;
  const getModel: GetModel = (uid) => {
    models ??= new Map<string, Model>([...Object.entries(strapi.contentTypes), ...Object.entries(strapi.components)]);
    return models.get(uid);
  };
  return async (context, next) => {
    const { filters, pagination, page, start } = paramsSchema.parse(context.params ?? {});
    const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
    const problem =
      (filters === undefined ? null : whereProblem(filters, context.contentType, getModel)) ??
      paginationProblem(isRecord(pagination) ? pagination : {}, maxLimit) ??
      paginationProblem({ page, start }, maxLimit);
    if (problem) throw new errors.ValidationError(problem, { source: 'query' });
    return next();
  };
};
