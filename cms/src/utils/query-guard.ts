/**
 * Filters and pagination that would reach the database malformed are refused with 400 before they get there.
 *
 * Strapi 5.54 checks that a filter names a real, public field, but not that its value or operator fits the field's
 * type, and it has no switch for that (strictParams only refuses unknown keys). Each of these answered 500:
 * - a number field compared with "abc": @strapi/database throws a plain Error (both databases);
 * - an id compared with "x", or with a number beyond PostgreSQL's integer: PostgreSQL refuses the query (SQLite
 *   quietly compares text with numbers and answers an empty list);
 * - $contains/$startsWith/$endsWith on a number, boolean or date, and any comparison with a JSON (rich text) field:
 *   PostgreSQL has no such operator;
 * - an operator out of place ($and inside a field, $or that is not a list, $between with one value): the query
 *   builder throws;
 * - an offset beyond PostgreSQL's bigint or SQLite's integer (and a page that far was echoed back as given).
 * Dates are already checked by Strapi (400). The rules below hold on both databases, so both answer alike.
 */

/** The deepest page any list answers; the web never links further either. */
export const MAX_PAGE = 10_000;

interface Attribute {
  type: string;
  target?: string;
  component?: string;
}
export interface Model {
  attributes: Record<string, Attribute>;
}
export type GetModel = (uid: string) => Model | undefined;

type Numeric = { kind: 'integer' | 'biginteger' | 'number'; label: string };
const INT32: [bigint, bigint] = [-(2n ** 31n), 2n ** 31n - 1n];
const INT64: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];

const NUMERIC: Record<string, Numeric> = {
  // Ids are PostgreSQL integers, sent to the database as they come.
  increments: { kind: 'integer', label: 'a whole number' },
  integer: { kind: 'integer', label: 'a whole number' },
  biginteger: { kind: 'biginteger', label: 'a whole number' },
  float: { kind: 'number', label: 'a number' },
  decimal: { kind: 'number', label: 'a number' },
};
const ID: Attribute = { type: 'increments' };

const GROUP = ['$and', '$or'];
/** Compared as the field's type: @strapi/database casts these values, so a number field needs numbers. */
const COMPARE = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$notIn', '$between', '$not'];
/** Text matching: PostgreSQL has no LIKE for numbers, booleans or dates, and JSON only compares as JSON. */
const MATCH = [
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
];
const PRESENCE = ['$null', '$notNull'];

const TEXT_TYPES = ['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'password'];
const SCALAR_TYPES = [
  'increments',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'timestamp',
];
const JSON_TYPES = ['json', 'blocks'];

/** The operators a field of this type answers the same on SQLite and PostgreSQL (the ones the admin panel offers). */
const operatorsFor = (type: string): string[] | null => {
  if (TEXT_TYPES.includes(type)) return [...COMPARE, ...MATCH, ...PRESENCE];
  if (SCALAR_TYPES.includes(type)) return [...COMPARE, ...PRESENCE];
  if (JSON_TYPES.includes(type)) return PRESENCE;
  return null;
};

/** A plain object of conditions (a Date, or a knex subquery passed by Strapi's own code, is a value, not conditions). */
export const isRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
const isOperator = (key: string) => key.startsWith('$');

/** Why a value cannot be compared with a numeric field, or null when it can. */
const numberProblem = (numeric: Numeric, value: unknown, path: string): string | null => {
  if (value === null) return null;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  const problem = `${path} must be ${numeric.label}`;
  if (text === null || text === '') return problem;
  if (numeric.kind === 'number') return Number.isFinite(Number(text)) ? null : problem;
  if (!/^[+-]?\d+$/.test(text)) return problem;
  const [min, max] = numeric.kind === 'integer' ? INT32 : INT64;
  const whole = BigInt(text);
  return whole < min || whole > max ? `${path} must be a whole number from ${min} to ${max}` : null;
};

/** Walks one field's condition the way @strapi/database reads it (an array is a list of alternatives). */
const fieldProblem = (attribute: Attribute, where: unknown, path: string, operator = '$eq'): string | null => {
  if (Array.isArray(where)) {
    for (const [index, item] of where.entries()) {
      const problem = fieldProblem(attribute, item, `${path}[${index}]`, operator);
      if (problem) return problem;
    }
    return null;
  }
  const allowed = operatorsFor(attribute.type);
  if (!isRecord(where)) {
    if (allowed && !allowed.includes(operator))
      return `${path}: ${operator} cannot be used on a ${attribute.type} field`;
    const numeric = NUMERIC[attribute.type];
    return numeric && COMPARE.includes(operator) ? numberProblem(numeric, where, path) : null;
  }
  for (const [key, value] of Object.entries(where)) {
    const at = `${path}[${key}]`;
    if (![...COMPARE, ...MATCH, ...PRESENCE].includes(key)) return `${at} is not an operator that applies to a field`;
    if (allowed && !allowed.includes(key)) return `${at}: ${key} cannot be used on a ${attribute.type} field`;
    if (key === '$between' && !(Array.isArray(value) && value.length === 2))
      return `${at} must list exactly two values`;
    const problem = fieldProblem(attribute, value, at, key);
    if (problem) return problem;
  }
  return null;
};

/** A relation (or component, or media) condition: an id, operators on the id, or conditions on the target's fields. */
const relationProblem = (
  target: Model | undefined,
  where: unknown,
  path: string,
  getModel: GetModel,
): string | null => {
  if (!isRecord(where)) return fieldProblem(ID, where, `${path}[id]`);
  const keys = Object.keys(where);
  const operators = keys.filter(isOperator);
  if (operators.length === 0) return target ? whereProblem(where, target, getModel, path) : null;
  if (operators.length !== keys.length) return `${path} cannot mix operators with field names`;
  const [operator] = operators;
  if (operators.length > 1 || operator === undefined) return `${path} takes one operator at a time`;
  if (GROUP.includes(operator)) return target ? whereProblem(where, target, getModel, path) : null;
  return fieldProblem(ID, where, `${path}[id]`);
};

/** Why a filters object cannot be run against this model, or null when it can. */
export const whereProblem = (where: unknown, model: Model, getModel: GetModel, path = 'filters'): string | null => {
  if (Array.isArray(where)) {
    for (const [index, item] of where.entries()) {
      const problem = whereProblem(item, model, getModel, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isRecord(where)) return `${path} must be an object of conditions`;
  for (const [key, value] of Object.entries(where)) {
    const at = `${path}[${key}]`;
    let problem: string | null;
    if (GROUP.includes(key)) {
      problem = Array.isArray(value) ? whereProblem(value, model, getModel, at) : `${at} must be a list of conditions`;
    } else if (key === '$not') {
      problem = whereProblem(value, model, getModel, at);
    } else if (isOperator(key)) {
      problem = `${at} must be applied to a field`;
    } else {
      const attribute = key === 'id' ? ID : model.attributes[key];
      // An unknown field is Strapi's to refuse (strictParams); a dynamic zone cannot be filtered and Strapi says so.
      if (!attribute || attribute.type === 'dynamiczone') continue;
      if (attribute.type === 'relation' || attribute.type === 'media' || attribute.type === 'component') {
        const uid = attribute.type === 'media' ? 'plugin::upload.file' : (attribute.target ?? attribute.component);
        problem = relationProblem(uid ? getModel(uid) : undefined, value, at, getModel);
      } else {
        problem = fieldProblem(attribute, value, at);
      }
    }
    if (problem) return problem;
  }
  return null;
};

const isWhole = (value: unknown, min: number, max: number) => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max;
};

/** Pages from 1 to MAX_PAGE, offsets up to MAX_PAGE full pages: anything else is refused, not echoed or sent on. */
export const paginationProblem = (
  { page, start }: { page?: unknown; start?: unknown },
  maxLimit: number,
): string | null => {
  if (page !== undefined && !isWhole(page, 1, MAX_PAGE))
    return `pagination[page] must be a whole number from 1 to ${MAX_PAGE}`;
  const maxStart = MAX_PAGE * maxLimit;
  if (start !== undefined && !isWhole(start, 0, maxStart))
    return `pagination[start] must be a whole number from 0 to ${maxStart}`;
  return null;
};

/** A positive whole number from a query string, or the fallback when absent; null when it is not one. */
export const wholeNumberParam = (value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number | null => {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
};
