import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SalesmeetError } from '../../src/core/errors.js';
import { loadYamlFile, nestingDepth, parseYaml } from '../../src/io/yaml.js';

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof SalesmeetError)
      return { code: error.code, message: error.text('en'), hint: error.hint?.('en'), ...error.location };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('parseYaml (YAML 1.2 core schema, safe)', () => {
  it('keeps times and dates as text', () => {
    const y = parseYaml('start: 09:30\ndate: 2026-06-30\nend: "10:15"\n', 'm.yaml');
    expect(y.data).toEqual({ start: '09:30', date: '2026-06-30', end: '10:15' });
  });

  it('reads 0800 as the number 800 (YAML 1.2), which the schema then reports', () => {
    expect(parseYaml('start: 0800\n', 'm.yaml').data).toEqual({ start: 800 });
  });

  it('rejects a %YAML 1.1 directive with its position', () => {
    expect(failure(() => parseYaml('# plan\n%YAML 1.1\n---\nstart: 09:30\n', 'm.yaml'))).toMatchObject({
      code: 'yaml.version',
      file: 'm.yaml',
      line: 2,
      column: 1,
      message: 'the file declares %YAML 1.1; salesmeet reads YAML 1.2 only',
    });
  });

  it('accepts an explicit %YAML 1.2 directive', () => {
    expect(parseYaml('%YAML 1.2\n---\na: 1\n', 'm.yaml').data).toEqual({ a: 1 });
  });

  it('rejects duplicate keys at the second key', () => {
    const f = failure(() => parseYaml('title: a\ntype: weekly\ntitle: b\n', 'm.yaml'));
    expect(f).toMatchObject({ file: 'm.yaml', line: 3, column: 1 });
    expect(f.message).toMatch(/^YAML syntax error: Map keys must be unique/);
  });

  it('explains tabs used for indentation', () => {
    const f = failure(() => parseYaml('attendees:\n\t- name: a\n', 'm.yaml'));
    expect(f).toMatchObject({ code: 'yaml.tab', line: 2 });
    expect(f.hint).toBe('replace the tabs at the start of the line with spaces');
  });

  it('rejects deep nesting before parsing (flow and block)', () => {
    const flow = `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    expect(nestingDepth(flow)).toBeGreaterThan(1000);
    expect(failure(() => parseYaml(flow, 'm.yaml'))).toMatchObject({
      code: 'yaml.tooDeep',
      message: 'nesting is 2001 levels deep; at most 64 are allowed',
    });
    let block = '';
    for (let i = 0; i < 100; i++) block += `${' '.repeat(i * 2)}k${i}:\n`;
    expect(failure(() => parseYaml(block, 'm.yaml'))).toMatchObject({ code: 'yaml.tooDeep' });
  });

  it('does not count brackets inside quotes or comments as nesting', () => {
    expect(nestingDepth('title: "[[[[[[[[[["\nnote: \'{{{{{{\' # [[[[[[[\n')).toBe(1);
  });

  it('rejects an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(
        `${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    expect(failure(() => parseYaml(`${lines.join('\n')}\n`, 'm.yaml'))).toMatchObject({
      code: 'yaml.aliases',
      message: 'too many alias references (*name); at most 100 are allowed',
    });
  });

  it('rejects an empty file, a list at the top and several documents', () => {
    expect(failure(() => parseYaml('  \n# only a comment\n', 'm.yaml'))).toMatchObject({
      code: 'yaml.notMapping',
    });
    expect(failure(() => parseYaml('', 'm.yaml'))).toMatchObject({ code: 'yaml.empty', line: 1 });
    expect(failure(() => parseYaml('- a\n- b\n', 'm.yaml'))).toMatchObject({
      code: 'yaml.notMapping',
      message: 'expected a mapping of fields (key: value) at the top level, found a list',
    });
    expect(failure(() => parseYaml('a: 1\n---\nb: 2\n', 'm.yaml'))).toMatchObject({
      code: 'yaml.multipleDocuments',
      line: 2,
    });
  });

  it('rejects unknown tags instead of running them', () => {
    expect(failure(() => parseYaml('a: !!js/function "function(){}"\n', 'm.yaml'))).toMatchObject({
      code: 'yaml.tag',
      line: 1,
    });
  });

  it('gives positions of values, keys and missing fields', () => {
    const y = parseYaml('title: x\nattendees:\n  - name: a\n    role: b\n', 'm.yaml');
    expect(y.positionOf(['attendees', 0, 'role'])).toEqual({ line: 4, column: 11 });
    expect(y.positionOf(['attendees', 0, 'role'], 'key')).toEqual({ line: 4, column: 5 });
    expect(y.positionOf(['attendees', 0, 'nope'])).toEqual({ line: 3, column: 5 });
  });
});

describe('loadYamlFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salesmeet-yaml-'));
  it('strips a UTF-8 BOM', async () => {
    writeFileSync(join(dir, 'bom.yaml'), '\uFEFFtitle: 周会\n');
    expect((await loadYamlFile(join(dir, 'bom.yaml'), 'bom.yaml')).data).toEqual({ title: '周会' });
  });
  it('names a missing file, a directory, a binary file and bad UTF-8', async () => {
    mkdirSync(join(dir, 'adir'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x74, 0x3a, 0x20, 0x00, 0x01]));
    writeFileSync(join(dir, 'gbk.yaml'), Buffer.from([0x74, 0x3a, 0x20, 0xd6, 0xdc, 0xbb, 0xe1, 0x0a]));
    const codes = [];
    for (const f of ['nope.yaml', 'adir', 'bin.yaml', 'gbk.yaml']) {
      try {
        await loadYamlFile(join(dir, f), f);
      } catch (e) {
        codes.push([
          (e as SalesmeetError).code,
          (e as SalesmeetError).location.file,
          (e as SalesmeetError).text('en'),
        ]);
      }
    }
    expect(codes).toEqual([
      ['file.notFound', 'nope.yaml', 'file not found'],
      ['file.isDirectory', 'adir', 'expected a file, found a directory'],
      ['file.binary', 'bin.yaml', 'expected a UTF-8 text file, found binary data (a NUL byte at byte 3)'],
      ['file.encoding', 'gbk.yaml', 'expected UTF-8 text, found bytes that are not valid UTF-8'],
    ]);
  });
});
