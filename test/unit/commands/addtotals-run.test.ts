// addtotals, run: which fields are summed, the summary result, and its place after unordered input.
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/addtotals
import { describe, expect, it } from 'vitest';
import { runLast } from './run-command.js';

describe('addtotals: row totals', () => {
  it('numbers computed by eval count; the total field itself is not summed again', () => {
    expect(runLast('* | addtotals', [{ a: 2, b: '0.5', Total: '100' }])).toEqual([{ a: 2, b: '0.5', Total: 2.5 }]);
  });

  it('a listed field that is also the total field is summed (the list is explicit)', () => {
    expect(runLast('* | addtotals fieldname=s s a', [{ s: '1', a: '2' }])).toEqual([{ s: 3, a: '2' }]);
  });

  it('row=false adds nothing without col=true', () => {
    expect(runLast('* | addtotals row=f', [{ a: '1' }])).toEqual([{ a: '1' }]);
  });
});

describe('addtotals: column totals', () => {
  it('the summary comes after the rows even when they arrive out of time order', () => {
    const rows = runLast('* | addtotals col=t row=f a', [{ _time: 1, a: '1' }, { _time: 3, a: '2' }, { _time: 2, a: '4' }], 'input');
    expect(rows.map((r) => r.a)).toEqual(['2', '4', '1', 7]);
  });

  it('without labelfield the summary has no label; a labelfield no result has comes last', () => {
    expect(runLast('* | addtotals col=t row=f', [{ a: '1', b: 'x' }])).toEqual([{ a: '1', b: 'x' }, { a: 1 }]);
    expect(runLast('* | addtotals col=t row=f labelfield=name', [{ a: '1' }])).toEqual([{ a: '1' }, { a: 1, name: 'Total' }]);
  });

  it('no input: the summary result alone (UNVERIFIED, our choice)', () => {
    expect(runLast('* | addtotals col=t labelfield=name', [])).toEqual([{ name: 'Total' }]);
  });

  it('an unknown option is an invalid argument (B201)', () => {
    expect(() => runLast('* | addtotals bogus=1', [])).toThrow(expect.objectContaining({ code: 'B201' }));
  });
});
