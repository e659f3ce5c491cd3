import { describe, expect, it } from 'vitest';
import { parsePlainInput } from '../../src/cli/plain-options.js';

describe('parsePlainInput: what commander hands kpi, checked without zod', () => {
  const shape = { args: ['list'], opts: { meeting: 'string', ytd: 'boolean', by: 'list' } } as const;

  it('keeps the declared options, as given', () => {
    const r = parsePlainInput(
      { args: [['a.xlsx', 'b.xlsx'], 'extra'], opts: { meeting: 'm', ytd: true, by: ['region'], other: 1 } },
      shape,
    );
    expect(r).toEqual({ args: [['a.xlsx', 'b.xlsx']], opts: { meeting: 'm', ytd: true, by: ['region'] } });
  });

  it('leaves out what is not given', () => {
    expect(parsePlainInput({ args: [], opts: {} }, shape)).toEqual({ args: [undefined], opts: {} });
  });

  it.each([
    [{ args: ['a.xlsx'], opts: {} }, 'args.0: expected a list of strings'],
    [{ args: [], opts: { meeting: true } }, 'opts.meeting: expected a string'],
    [{ args: [], opts: { ytd: 'yes' } }, 'opts.ytd: expected a boolean'],
    [{ args: [], opts: { by: ['region', 2] } }, 'opts.by: expected a list of strings'],
  ])('a value of another kind is a bug in a definition: %j', (input, message) => {
    expect(() => parsePlainInput(input, shape)).toThrow(message);
  });
});
