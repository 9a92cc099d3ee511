import { MAX_PAGE, paginationProblem, whereProblem, wholeNumberParam, type Model } from '../../src/utils/query-guard';

const film: Model = {
  attributes: { title: { type: 'string' }, year: { type: 'integer' }, budget: { type: 'biginteger' } },
};
const section: Model = { attributes: { heading: { type: 'string' }, body: { type: 'blocks' } } };
const review: Model = {
  attributes: {
    title: { type: 'string' },
    rating: { type: 'decimal' },
    commentsOpen: { type: 'boolean' },
    publishedAt: { type: 'datetime' },
    film: { type: 'relation', target: 'api::film.film' },
    sections: { type: 'component', component: 'review.section' },
  },
};
const models: Record<string, Model> = { 'api::film.film': film, 'review.section': section };
const problem = (filters: unknown) => whereProblem(filters, review, (uid) => models[uid]);

describe('whereProblem', () => {
  it.each([
    [{ rating: { $gt: '4.5' } }],
    [{ rating: { $between: ['1', '5'] } }],
    [{ rating: ['3', '4'] }],
    [{ rating: { $null: 'true' } }],
    [{ id: { $in: ['1', '2'] } }],
    [{ film: { year: { $gte: '2000' } } }],
    [{ film: '3' }],
    [{ film: { $in: ['3', '4'] } }],
    [{ film: { budget: { $lt: '9223372036854775807' } } }],
    [{ $or: [{ title: { $containsi: 'cell' } }, { film: { title: { $containsi: 'cell' } } }] }],
    [{ $not: { rating: { $lt: '2' } } }],
    [{ sections: { heading: { $eq: 'Plot summary' } } }],
    [{ sections: { body: { $notNull: 'true' } } }],
    [{ unknownField: { $gt: 'x' } }],
    [{ publishedAt: { $lt: new Date() } }],
    [{ rating: { $gt: 4 }, id: { $in: [1, 2] } }],
  ])('accepts %j', (filters) => {
    expect(problem(filters)).toBeNull();
  });

  it.each([
    [{ rating: { $gt: 'abc' } }, 'filters[rating][$gt] must be a number'],
    [{ rating: { $in: ['x'] } }, 'filters[rating][$in][0] must be a number'],
    [{ rating: 'Infinity' }, 'filters[rating] must be a number'],
    [{ rating: { $between: '4' } }, 'filters[rating][$between] must list exactly two values'],
    [{ rating: { $contains: '4' } }, 'filters[rating][$contains]: $contains cannot be used on a decimal field'],
    [{ rating: { $and: [{ $gt: '1' }] } }, 'filters[rating][$and] is not an operator that applies to a field'],
    [
      { commentsOpen: { $startsWith: 't' } },
      'filters[commentsOpen][$startsWith]: $startsWith cannot be used on a boolean field',
    ],
    [{ id: { $gt: '1.5' } }, 'filters[id][$gt] must be a whole number'],
    [{ id: '2147483648' }, 'filters[id] must be a whole number from -2147483648 to 2147483647'],
    [{ film: 'abc' }, 'filters[film][id] must be a whole number'],
    [{ film: { $eq: '1', title: 'x' } }, 'filters[film] cannot mix operators with field names'],
    [
      { film: { year: { $gt: '3000000000' } } },
      'filters[film][year][$gt] must be a whole number from -2147483648 to 2147483647',
    ],
    [{ film: { budget: { $gt: '1e3' } } }, 'filters[film][budget][$gt] must be a whole number'],
    [{ sections: { body: 'x' } }, 'filters[sections][body]: $eq cannot be used on a blocks field'],
    [{ $or: { title: 'x' } }, 'filters[$or] must be a list of conditions'],
    [{ $eq: '1' }, 'filters[$eq] must be applied to a field'],
    ['abc', 'filters must be an object of conditions'],
  ])('refuses %j', (filters, message) => {
    expect(problem(filters)).toBe(message);
  });
});

describe('paginationProblem', () => {
  it('accepts pages from 1 to MAX_PAGE and offsets up to MAX_PAGE full pages', () => {
    expect(paginationProblem({ page: '1' }, 50)).toBeNull();
    expect(paginationProblem({ page: String(MAX_PAGE) }, 50)).toBeNull();
    expect(paginationProblem({ start: String(MAX_PAGE * 50) }, 50)).toBeNull();
    expect(paginationProblem({}, 50)).toBeNull();
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], [String(MAX_PAGE + 1)], ['99999999999999999999']])(
    'refuses page %s',
    (page) => {
      expect(paginationProblem({ page }, 50)).toBe(`pagination[page] must be a whole number from 1 to ${MAX_PAGE}`);
    },
  );

  it('refuses an offset beyond MAX_PAGE full pages', () => {
    expect(paginationProblem({ start: '99999999999999999999' }, 50)).toBe(
      `pagination[start] must be a whole number from 0 to ${MAX_PAGE * 50}`,
    );
  });
});

describe('wholeNumberParam', () => {
  it('reads a positive whole number, or the fallback when absent, and null for anything else', () => {
    expect(wholeNumberParam(undefined, 20)).toBe(20);
    expect(wholeNumberParam('3', 20)).toBe(3);
    expect(wholeNumberParam('10001', 1, MAX_PAGE)).toBeNull();
    for (const bad of ['0', '-1', '1.5', 'abc', '', ['1', '2']]) expect(wholeNumberParam(bad, 20)).toBeNull();
  });
});
