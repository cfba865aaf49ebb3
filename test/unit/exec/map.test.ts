// map's $field$ substitution (src/commands/map.ts) and the detection of map in a query.
import { describe, expect, it } from 'vitest';
import { substitute } from '../../../src/commands/map.js';
import { usesCommand } from '../../../src/nested-search.js';
import { parse } from '../../../src/spl/parse.js';
import { rows } from './subsearch-helpers.js';

describe('map substitution', () => {
  const row = rows({ user: 'bob', n: 3, ips: ['1.1.1.1', '2.2.2.2'], 'a.b': 'x' })[0]!;

  it('replaces $field$ with the value, multivalue joined by spaces', () => {
    expect(substitute('search user=$user$ count>$n$ ip IN ($ips$) $a.b$', row, 1)).toBe('search user=bob count>3 ip IN (1.1.1.1 2.2.2.2) x');
  });

  it('$_serial_id$ is the search number; unknown fields stay as written', () => {
    expect(substitute('eval id=$_serial_id$ | search x=$missing$ cost=$5', row, 4)).toBe('eval id=4 | search x=$missing$ cost=$5');
  });
});

describe('usesCommand', () => {
  it('finds map anywhere, also inside appendpipe and subsearches', () => {
    expect(usesCommand(parse('a | appendpipe [| map search="search b=$b$"]'), 'map')).toBe(true);
    expect(usesCommand(parse('a [search b | map search="search c"]'), 'map')).toBe(true);
    expect(usesCommand(parse('a map=1 | eval map="map"'), 'map')).toBe(false);
  });
});
