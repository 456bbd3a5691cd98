// Tables: column kinds, statistics and vocabularies from the training rows only, encoding with
// missing values and unseen categories, class names, and the schema's validation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classNamesOf, embeddingDimFor, encodeRows, featureCount, featureOffsets, fewNonNumeric, inferSchema, parseTableSchema } from '../../src/data/table.js';

const header = ['age', 'city', 'label'];
const rows = [
  ['20', 'Oslo', 'a'],
  ['40', 'Bergen', 'b'],
  ['', 'Oslo', 'a'],
  ['NA', ' Bergen ', 'b'],
  ['1000', 'Tromsø', 'a'], // not a training row: its age and city must not count
];

describe('tables', () => {
  it('numeric and categorical columns; mean, std and vocabulary from the training rows only', () => {
    const schema = inferSchema(header, rows, 'label', [0, 1, 2, 3], 't.csv');
    assert.deepEqual(schema.columns, [
      { name: 'age', kind: 'numeric', mean: 30, std: 10 },
      { name: 'city', kind: 'categorical', categories: ['Bergen', 'Oslo'] },
    ]);
    assert.equal(featureCount(schema), 3);
    const { features, missing, unseen } = encodeRows(schema, header, rows, 't.csv');
    assert.deepEqual(Array.from(features), [-1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 97, 0, 0]);
    assert.deepEqual([...missing], [['age', 2]]);
    assert.deepEqual([...unseen.get('city')!], [['Tromsø', 5]]);
  });

  it('columns are found by name in another file; a missing feature column or a word in a numeric one is named', () => {
    const schema = inferSchema(header, rows, 'label', [0, 1], 't.csv');
    const other = encodeRows(schema, ['city', 'age'], [['Oslo', '30']], 'rows.csv');
    assert.deepEqual(Array.from(other.features), [0, 0, 1]);
    assert.throws(() => encodeRows(schema, ['age'], [['1']], 'rows.csv'), /rows\.csv: no column 'city' \(the model reads age, city\)/);
    assert.throws(() => encodeRows(schema, ['age', 'city'], [['old', 'Oslo']], 'rows.csv'), /rows\.csv: row 1, column 'age': 'old' is not a number/);
  });

  it('a numeric column with a few non-numeric cells is read as categories with a note naming them; a column of words gets none', () => {
    const values = Array.from({ length: 60 }, (_, i) => String(i * 1.5));
    values[17] = 'oops';
    values[40] = '';
    const typoRows = values.map((v, i) => [v, i % 2 ? 'x' : 'y', 'a']);
    const notes: string[] = [];
    const schema = inferSchema(['price', 'size', 'label'], typoRows, 'label', typoRows.map((_, i) => i), 't.csv', notes);
    assert.equal(schema.columns[0].kind, 'categorical');
    assert.deepEqual(notes, [
      "column 'price' is read as categories because 1 of its 59 values is not a finite number: row 18 (line 19) 'oops': if it holds numbers, fix that cell or leave it empty (missing)",
    ]);
    assert.deepEqual(fewNonNumeric(['1', '2', 'three']), null, 'too few numbers to call it a typo');
    assert.deepEqual(fewNonNumeric(Array.from({ length: 30 }, (_, i) => (i % 3 ? String(i) : 'n/a?'))), null, 'a third of the cells: not typos');
    assert.deepEqual(fewNonNumeric([...Array.from({ length: 20 }, (_, i) => String(i)), 'Infinity'])?.cells, [{ row: 20, value: 'Infinity' }]);
  });

  it('class names: integers sorted as numbers, text sorted as text', () => {
    assert.deepEqual(classNamesOf(['10', '2', '-1', '2']), ['-1', '2', '10']);
    assert.deepEqual(classNamesOf(['b', 'a', '10']), ['10', 'a', 'b']);
  });

  it('a schema read from a file is checked field by field', () => {
    const bad = (field: string, expected: string, got: unknown): never => {
      throw new Error(`${field} must be ${expected}, got ${JSON.stringify(got)}`);
    };
    assert.throws(() => parseTableSchema({ target: 'y', columns: [{ name: 'a', kind: 'numeric', mean: 0, std: 0 }] }, bad), /table\.columns\[0\]\.std must be a finite number > 0/);
    assert.throws(() => parseTableSchema({ target: 'y', columns: [{ name: 'a', kind: 'text' }] }, bad), /table\.columns\[0\]\.kind/);
    assert.throws(() => parseTableSchema({ target: 'y', columns: [] }, bad), /table\.columns must be a non-empty list/);
    assert.deepEqual(parseTableSchema({ target: 'y', columns: [{ name: 'c', kind: 'categorical', categories: ['x'] }] }, bad).columns[0], { name: 'c', kind: 'categorical', categories: ['x'] });
    const columns = [{ name: 'c', kind: 'categorical', categories: ['x'] }];
    assert.equal(parseTableSchema({ target: 'y', columns, categorical: 'embedding' }, bad).categorical, 'embedding');
    assert.equal(parseTableSchema({ target: 'y', columns }, bad).categorical, undefined);
    assert.throws(() => parseTableSchema({ target: 'y', columns, categorical: 'hashed' }, bad), /table\.categorical must be 'embedding' or absent/);
  });

  it('categorical embedding: numeric features first, then 1 + the category index per column (0: missing or unseen)', () => {
    const header3 = ['city', 'age', 'colour', 'label'];
    const rows3 = [
      ['Oslo', '20', 'red', 'a'],
      ['Bergen', '40', '', 'b'],
      ['Tromsø', '', 'blue', 'a'],
    ];
    const schema = { ...inferSchema(header3, rows3, 'label', [0, 1], 't.csv'), categorical: 'embedding' as const };
    assert.equal(featureCount(schema), 3);
    assert.deepEqual(featureOffsets(schema), [1, 0, 2]);
    assert.deepEqual(featureOffsets({ ...schema, categorical: undefined }), [0, 2, 3]);
    const { features, missing, unseen } = encodeRows(schema, header3, rows3, 't.csv');
    // city: Bergen 1, Oslo 2 (Tromsø unseen: 0); colour: red 1 (blue unseen, '' missing: 0)
    assert.deepEqual(Array.from(features), [-1, 2, 1, 1, 1, 0, 0, 0, 0]);
    assert.deepEqual([...missing], [['colour', 1], ['age', 1]]);
    assert.deepEqual([...unseen.keys()], ['city', 'colour']);
  });

  it("embedding widths follow fastai's min(600, round(1.6·n^0.56))", () => {
    assert.deepEqual([2, 4, 17, 100, 1001].map(embeddingDimFor), [2, 3, 8, 21, 77]);
    assert.equal(embeddingDimFor(1e6), 600);
  });
});
