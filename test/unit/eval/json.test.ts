/**
 * JSON eval functions through the real parser and compiler, one row per documented example
 * (Search Reference 10.0, "JSON functions"; docs/eval/json.md) plus invalid input, null,
 * number-text, prototype-safety and bind-time error cases. `doc` names the section a row follows.
 */
import { describe, expect, test } from 'vitest';
import { evaluate, bindError, type EvalCase } from './helpers.js';

type Case = EvalCase;

const compact = (v: unknown): string => JSON.stringify(v);

// json_extract examples: the `cities` field holds the array of cities ({0} is London).
const LONDON = { name: 'London', Bridges: [{ name: 'Tower Bridge', length: 801 }, { name: 'Millennium Bridge', length: 1066 }] };
const VENICE = { name: 'Venice', Bridges: [{ name: 'Rialto Bridge', length: 157 }, { name: 'Bridge of Sighs', length: 36 }, { name: 'Ponte della Paglia' }] };
const SF = { name: 'San Francisco', Bridges: [{ name: 'Golden Gate Bridge', length: 8981 }, { name: 'Bay Bridge', length: 23556 }] };
const CITIES = { cities: compact([LONDON, VENICE, SF]) };
const CITIES_OBJECT = { cities: compact({ cities: [LONDON, VENICE, SF] }) };

const GAMES = { games: compact({ category: { boardgames: { cooperative: [{ name: 'Pandemic' }, { name: 'Forbidden Island' }, { name: 'Castle Panic' }] } } }) };
const COMPETITIVE = [{ name: 'Settlers of Catan' }, { name: 'Terraforming Mars' }, { name: 'Ticket to Ride' }];
const GAMES2 = { games: compact({ category: { boardgames: { competitive: COMPETITIVE } } }) };
const EMPLOYEE = { employee: compact({ name: 'Celestino Paulo', company: 'Isthmus Pastimes', addresses: { email: 'celestino@sample.com', office: 'edificio 890' } }) };
const ACCOUNT = { object: compact({ name: 'Wei Zhang', SSN: '123-45-6789', city: 'Seattle', accounts: ['Hagal Quartz', 'Caladan Water', 'Arrakis Spices'] }) };
const BRIDGE = { bridges: '{"name": "Clifton Suspension Bridge", "length": 1352, "city": "Bristol", "country": "England"}' };
const RECORD = { employee_record: '{"name":"maria","age":25,"status":"full-time"}' };
const PONIES = 'json_array("Buttercup", "Fluttershy", "Rarity")';
const SHERLOCK = 'json_object("name", "Sherlock Holmes: Consulting Detective")';
const COMPETITIVE_EXPR = 'json_array(json_object("name", "Settlers of Catan"), json_object("name", "Terraforming Mars"), json_object("name", "Ticket to Ride"))';

const CASES: readonly Case[] = [
  // json_object
  { doc: 'json_object: 1. basic object', expr: 'json_object("name", "maria")', expected: '{"name":"maria"}' },
  { doc: 'json_object: 2. value from json_array', expr: 'json_object("name", json_array("maria", "arun"))', expected: '{"name":["maria","arun"]}' },
  { doc: 'json_object: 3. cities array', expr: 'json_object("cities", json_array("London", "Sydney", "Berlin", "Santiago"))', expected: '{"cities":["London","Sydney","Berlin","Santiago"]}' },
  { doc: 'json_object: 4. nested objects over a json_array field', expr: 'json_object("category", json_object("boardgames", json_object("cooperative", gamelist)))', fields: { gamelist: '["Pandemic","Forbidden Island","Castle Panic"]' }, expected: '{"category":{"boardgames":{"cooperative":["Pandemic","Forbidden Island","Castle Panic"]}}}' },
  { doc: 'json_object: a string literal stays a string', expr: 'json_object("a", "[1]")', expected: '{"a":"[1]"}' },
  { doc: 'json_object: number, Boolean and null values', expr: 'json_object("n", 2, "b", true(), "z", null())', expected: '{"n":2,"b":true,"z":null}' },
  { doc: 'json_object: a multivalue field is an array', expr: 'json_object("mv", mv)', fields: { mv: ['a', 'b'] }, expected: '{"mv":["a","b"]}' },
  { doc: 'json_object: no members', expr: 'json_object()', expected: '{}' },
  // json
  { doc: 'json: 1. a JSON value is returned', expr: 'json(json_object("animal", "pony"))', expected: '{"animal":"pony"}' },
  { doc: 'json: 2. a JSON array is returned unchanged', expr: 'json(bridges)', fields: { bridges: '[{"name":"Rialto Bridge","length":157}, {"name":"Bridge of Sighs","length":36}]' }, expected: '[{"name":"Rialto Bridge","length":157}, {"name":"Bridge of Sighs","length":36}]' },
  { doc: 'json: 2. not JSON -> null', expr: 'json(bridges)', fields: { bridges: 'Golden Gate Bridge' }, expected: null },
  { doc: 'json: missing -> null', expr: 'json(bridges)', expected: null },
  // json_append
  { doc: 'json_append: 1. add a string to an array', expr: `json_append(json_object("ponylist", json_array("Minty", "Rarity", "Buttercup")), "ponylist", "Fluttershy")`, expected: '{"ponylist":["Minty","Rarity","Buttercup","Fluttershy"]}' },
  { doc: 'json_append: 2. append to a nested object', expr: 'json_append(json_object("Fluttershy", json_object("ponySkills", json_array("running", "jumping"))), "Fluttershy.ponySkills", "codebreaking")', expected: '{"Fluttershy":{"ponySkills":["running","jumping","codebreaking"]}}' },
  { doc: 'json_append: arrays are appended as single elements', expr: 'json_append(json_object("l", json_array("a", "b", "c")), "l", json_array("d", "e", "f"))', expected: '{"l":["a","b","c",["d","e","f"]]}' },
  { doc: 'json_append: a scalar is autowrapped', expr: 'json_append(json_object("s", "x"), "s", "y")', expected: '{"s":["x","y"]}' },
  { doc: 'json_append: an empty array gets one value', expr: 'json_append(json_object("s", json_array()), "s", "y")', expected: '{"s":["y"]}' },
  { doc: 'json_append: a path that finds nothing is ignored', expr: 'json_append(json_object("s", "x"), "t", "y")', expected: '{"s":"x"}' },
  { doc: 'json_append: not a JSON document -> nothing', expr: 'json_append("nope", "t", "y")', expected: null },
  // json_array
  { doc: 'json_array: 1. basic array', expr: 'json_array("buttercup", "fluttershy", "rarity")', expected: '["buttercup","fluttershy","rarity"]' },
  { doc: 'json_array: 2. a string and a json_object', expr: 'json_array("dubois", json_object("name", "patel"))', expected: '["dubois",{"name":"patel"}]' },
  { doc: 'json_array: no values', expr: 'json_array()', expected: '[]' },
  // json_array_to_mv
  { doc: 'json_array_to_mv: quotes removed by default', expr: `json_array_to_mv(${PONIES})`, expected: ['Buttercup', 'Fluttershy', 'Rarity'] },
  { doc: 'json_array_to_mv: false() is the default', expr: `json_array_to_mv(${PONIES}, false())`, expected: ['Buttercup', 'Fluttershy', 'Rarity'] },
  { doc: 'json_array_to_mv: true() keeps the quotes', expr: `json_array_to_mv(${PONIES}, true())`, expected: ['"Buttercup"', '"Fluttershy"', '"Rarity"'] },
  { doc: 'json_array_to_mv: other types as their JSON text', expr: 'json_array_to_mv(a)', fields: { a: '[1.50, true, {"k": 1}, [2]]' }, expected: ['1.50', 'true', '{"k":1}', '[2]'] },
  { doc: 'json_array_to_mv: not an array -> nothing', expr: 'json_array_to_mv("{}")', expected: null },
  // json_delete
  { doc: 'json_delete: 1. delete several keys', expr: 'json_delete(object, "SSN", "accounts")', fields: ACCOUNT, expected: '{"name":"Wei Zhang","city":"Seattle"}' },
  { doc: 'json_delete: keys given as an array', expr: 'json_delete(object, json_array("SSN", "accounts"))', fields: ACCOUNT, expected: '{"name":"Wei Zhang","city":"Seattle"}' },
  { doc: 'json_delete: 2. a key of a nested object', expr: 'json_delete(employee, "addresses.email")', fields: EMPLOYEE, expected: '{"name":"Celestino Paulo","company":"Isthmus Pastimes","addresses":{"office":"edificio 890"}}' },
  { doc: 'json_delete: dotted key names are nested paths', expr: 'json_delete("{\\"student.name\\":\\"Claudia\\"}", "student.name")', expected: '{"student.name":"Claudia"}' },
  { doc: 'json_delete: not an object -> null', expr: 'json_delete("[1]", "a")', expected: null },
  // json_entries
  { doc: 'json_entries: basic example', expr: 'json_entries("{\\"a\\": 1, \\"b\\": 2}")', expected: '[{"key":"a","value":1},{"key":"b","value":2}]' },
  { doc: 'json_entries: extended example', expr: 'json_entries(employee_record)', fields: RECORD, expected: '[{"key":"name","value":"maria"},{"key":"age","value":25},{"key":"status","value":"full-time"}]' },
  // json_extend
  { doc: 'json_extend: 1. extend with string values', expr: 'json_extend(json_object("fakeMovieBandList", json_array("The Blues Brothers", "Spinal Tap", "Wyld Stallyns")), "fakeMovieBandList", json_array("The Soggy Bottom Boys", "The Weird Sisters", "The Barden Bellas"))', expected: '{"fakeMovieBandList":["The Blues Brothers","Spinal Tap","Wyld Stallyns","The Soggy Bottom Boys","The Weird Sisters","The Barden Bellas"]}' },
  { doc: 'json_extend: 2. extend with an object', expr: 'json_extend(json_object("characterClasses", json_array("wizard", "rogue", "barbarian")), "characterClasses", json_array(json_object("artifact", "deck of many things")))', expected: '{"characterClasses":["wizard","rogue","barbarian",{"artifact":"deck of many things"}]}' },
  { doc: 'json_extend: the value must be an array', expr: 'json_extend(json_object("l", json_array("a")), "l", "b")', expected: '{"l":["a"]}' },
  // json_extract
  { doc: 'json_extract: 1. "{}" on an object returns it whole', expr: 'json_extract(cities,"{}")', fields: CITIES_OBJECT, expected: compact({ cities: [LONDON, VENICE, SF] }) },
  { doc: 'json_extract: 2. {0} is London', expr: 'json_extract(cities,"{0}")', fields: CITIES, expected: compact(LONDON) },
  { doc: 'json_extract: 3. {2} is San Francisco', expr: 'json_extract(cities,"{2}")', fields: CITIES, expected: compact(SF) },
  { doc: 'json_extract: 4. {}.name', expr: 'json_extract(cities,"{}.name")', fields: CITIES, expected: '["London","Venice","San Francisco"]' },
  { doc: 'json_extract: 5. {}.Bridges{}', expr: 'json_extract(cities,"{}.Bridges{}")', fields: CITIES, expected: compact([...LONDON.Bridges, ...VENICE.Bridges, ...SF.Bridges]) },
  { doc: 'json_extract: 6. {}.Bridges{}.name', expr: 'json_extract(cities,"{}.Bridges{}.name")', fields: CITIES, expected: '["Tower Bridge","Millennium Bridge","Rialto Bridge","Bridge of Sighs","Ponte della Paglia","Golden Gate Bridge","Bay Bridge"]' },
  { doc: 'json_extract: 7. {2}.Bridges{0}', expr: 'json_extract(cities,"{2}.Bridges{0}")', fields: CITIES, expected: '{"name":"Golden Gate Bridge","length":8981}' },
  { doc: 'json_extract: 8. {2}.Bridges{0}.length', expr: 'json_extract(cities,"{2}.Bridges{0}.length")', fields: CITIES, expected: '8981' },
  { doc: 'json_extract: several paths -> a JSON array', expr: 'json_extract(cities, "{0}.name", "{9}.name", "{1}.name")', fields: CITIES, expected: '["London",null,"Venice"]' },
  { doc: 'json_extract: no path converts a JSON string', expr: 'json_extract("\\"abc\\"")', expected: 'abc' },
  { doc: 'json_extract: no path, JSON null -> null', expr: 'json_extract("null")', expected: null },
  { doc: 'json_extract: a JSON Boolean', expr: 'json_extract("{\\"ok\\": true}", "ok")', expected: 'true' },
  { doc: 'json_extract: number text as written', expr: 'json_extract("{\\"p\\": 1.50}", "p")', expected: '1.50' },
  { doc: 'json_extract: a path that finds nothing -> null', expr: 'json_extract(cities, "{0}.nope")', fields: CITIES, expected: null },
  { doc: 'json_extract: keys with periods are unreachable', expr: 'json_extract(splunk_path, "system.splunk.path")', fields: { splunk_path: '{"system.splunk.path":"/opt/splunk/"}' }, expected: null },
  { doc: 'json_extract: invalid JSON -> null', expr: 'json_extract("{nope", "a")', expected: null },
  { doc: 'json_extract: "__proto__" is an ordinary key', expr: 'json_extract("{\\"__proto__\\": {\\"x\\": 1}}", "__proto__.x")', expected: '1' },
  { doc: 'json_extract: inherited names are not keys', expr: 'json_extract("{}", "constructor")', expected: null },
  // json_extract_exact
  { doc: 'json_extract_exact: a key with periods', expr: 'json_extract_exact(splunk_path, "system.splunk.path")', fields: { splunk_path: '{"system.splunk.path":"/opt/splunk/"}' }, expected: '/opt/splunk/' },
  { doc: 'json_extract_exact: several keys -> a JSON array', expr: 'json_extract_exact("{\\"a.b\\": 1, \\"c\\": [2]}", "a.b", "c")', expected: '[1,[2]]' },
  // json_has_key_exact
  { doc: 'json_has_key_exact: basic example', expr: 'if(json_has_key_exact(json_object("name", "charlie"), "name"), "has key", "doesn\'t have key")', expected: 'has key' },
  { doc: 'json_has_key_exact: the dot is literal', expr: 'if(json_has_key_exact("{\\"charlie.garcia\\":10}", "charlie.garcia"), "has key", "doesn\'t have key")', expected: 'has key' },
  { doc: 'json_has_key_exact: extended example, key missing', expr: 'if(json_has_key_exact(employee_record, "status"), "has key", "doesn\'t have key")', fields: { employee_record: '{"name":"charlie","age":21,"region":"US"}' }, expected: "doesn't have key" },
  // json_keys
  { doc: 'json_keys: 1. keys of an object', expr: 'json_keys(bridges)', fields: BRIDGE, expected: '["name","length","city","country"]' },
  { doc: 'json_keys: cannot be used on arrays', expr: 'json_keys("[1,2]")', expected: null },
  { doc: 'json_keys: "__proto__" is listed like any key', expr: 'json_keys("{\\"__proto__\\": 1, \\"a\\": 2}")', expected: '["__proto__","a"]' },
  // json_set
  { doc: 'json_set: 1. overwrite {2} of an array', expr: `json_set(games, "category.boardgames.cooperative{2}", ${SHERLOCK})`, fields: GAMES, expected: '{"category":{"boardgames":{"cooperative":[{"name":"Pandemic"},{"name":"Forbidden Island"},{"name":"Sherlock Holmes: Consulting Detective"}]}}}' },
  { doc: 'json_set: 2. insert a new key with an array', expr: `json_set(games, "category.boardgames.competitive", ${COMPETITIVE_EXPR})`, fields: GAMES, expected: compact({ category: { boardgames: { cooperative: [{ name: 'Pandemic' }, { name: 'Forbidden Island' }, { name: 'Castle Panic' }], competitive: COMPETITIVE } } }) },
  { doc: 'json_set: 3. {} sets a key in every element', expr: 'json_set(games, "category.boardgames.competitive{}.available", true())', fields: GAMES2, expected: compact({ category: { boardgames: { competitive: COMPETITIVE.map((g) => ({ ...g, available: true })) } } }) },
  { doc: 'json_set: 3. overwrite with false()', expr: 'json_set(json_set(games, "category.boardgames.competitive{}.available", true()), "category.boardgames.competitive{0}.available", false())', fields: GAMES2, expected: compact({ category: { boardgames: { competitive: COMPETITIVE.map((g, i) => ({ ...g, available: i !== 0 })) } } }) },
  { doc: 'json_set: missing keys in the chain are created', expr: 'json_set("{}", "a.b.c", 1)', expected: '{"a":{"b":{"c":1}}}' },
  { doc: 'json_set: a path that does not fit is skipped', expr: 'json_set("{\\"a\\": \\"b\\"}", "a.c", "d")', expected: '{"a":"b"}' },
  { doc: 'json_set: value types are not enforced', expr: 'json_set("{\\"a\\": 1.50, \\"b\\": 2}", "b", "two")', expected: '{"a":1.50,"b":"two"}' },
  { doc: 'json_set_exact: periods make nested objects in json_set', expr: 'json_set(json_object(), "system.splunk.path", "/opt/splunk")', expected: '{"system":{"splunk":{"path":"/opt/splunk"}}}' },
  // json_set_exact
  { doc: 'json_set_exact: example', expr: 'json_set_exact(json_object(), "system.splunk.path", "/opt/splunk")', expected: '{"system.splunk.path":"/opt/splunk"}' },
  // json_valid
  { doc: 'json_valid: example', expr: 'if(json_valid(firstnames), "true", "false")', fields: { firstnames: '{ "names": ["maria", "arun"] }' }, expected: 'true' },
  { doc: 'json_valid: not JSON', expr: 'if(json_valid(firstnames), "true", "false")', fields: { firstnames: 'maria, arun' }, expected: 'false' },
  { doc: 'json_valid: scalars are JSON values', expr: 'json_valid("12.5")', expected: true },
  { doc: 'json_valid: trailing commas are not JSON', expr: 'json_valid("[1,]")', expected: false },
  { doc: 'json_valid: missing field', expr: 'json_valid(nothing)', expected: false },
];

describe('JSON eval functions', () => {
  test.each(CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });

  test('deep nesting is refused as invalid, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(evaluate('json_valid(d)', { d: deep })).toBe(false);
    const ok = '['.repeat(200) + ']'.repeat(200);
    expect(evaluate('json_valid(d)', { d: ok })).toBe(true);
  });

  test('a parsed "__proto__" key does not touch prototypes', () => {
    evaluate('json_set("{\\"__proto__\\": {}}", "__proto__.polluted", 1)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});


describe('JSON bind-time errors', () => {
  test.each([
    ['json()', 'B102'],
    ['json_valid()', 'B102'],
    ['json_keys("{}", "a")', 'B102'],
    ['json_extract()', 'B102'],
    ['json_set("{}", "a")', 'B102'],
    ['json_delete("{}")', 'B102'],
    ['json_has_key_exact("{}")', 'B102'],
    ['json_array_to_mv("[]", true(), 1)', 'B102'],
    ['json_object("a")', 'B103'],
    ['json_set("{}", "a", 1, "b")', 'B103'],
    ['json_append("{}", "a", 1, "b")', 'B103'],
  ])('%s -> %s', (expr, code) => {
    expect(bindError(expr)).toBe(code);
  });
});
