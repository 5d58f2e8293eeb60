/**
 * Unquoted Go templates (ecspresso renders before it parses): the file is read as templated, with
 * each template a placeholder value, and every offset still points into the user's text.
 */
import { strict as assert } from 'node:assert';
import { parseDocument, rangeOf } from '../../../schemas/parse';
import { maskUnquotedTemplates } from '../../../schemas/parse/unquoted-templates';
import { isTemplated } from '../../../schemas/template';

describe('unquoted templates', () => {
  it('JSON: value templates become placeholders; strings, comments and keys are left alone', () => {
    const text = [
      '{',
      '  // {{ not touched }}',
      '  "desiredCount": {{ must_env `COUNT` }},',
      '  "tags": [{{ .tag }}, "{{ quoted }}"],',
      '  "serviceName": "web {{ inside }}"',
      '}',
    ].join('\n');
    const masked = maskUnquotedTemplates(text, 'json');
    assert.equal(masked.count, 2);
    assert.equal(masked.text.length, text.length);
    const doc = parseDocument(text, 'json');
    assert.equal(doc.fatal, false, JSON.stringify(doc.problems));
    const value = doc.value as Record<string, unknown>;
    assert.ok(isTemplated(value.desiredCount));
    assert.deepEqual((value.tags as unknown[]).map(isTemplated), [true, true]);
    assert.equal(value.serviceName, 'web {{ inside }}');
    assert.equal(doc.text, text, 'the document keeps the user text');
    const range = rangeOf(doc, '/desiredCount', 'value');
    assert.equal(text.slice(range.offset, range.offset + range.length), '{{ must_env `COUNT` }}');
  });

  it('YAML: a scalar starting with a template is a placeholder up to a trailing comment', () => {
    const text = 'desiredCount: {{ env "N" "1" }}  # per stage\nsubnets:\n  - {{ env "A" }}\n  - subnet-1\nname: web-{{ .env }}\n';
    const doc = parseDocument(text, 'yaml');
    assert.equal(doc.fatal, false, JSON.stringify(doc.problems));
    const value = doc.value as Record<string, unknown>;
    assert.ok(isTemplated(value.desiredCount));
    assert.deepEqual((value.subnets as unknown[]).map(isTemplated), [true, false]);
    assert.equal(value.name, 'web-{{ .env }}');
    assert.equal(doc.comments.length, 1, 'the comment is still a comment');
  });

  it('a template that is not a value (around members) is still reported as a syntax error', () => {
    const doc = parseDocument('{\n  {{ if .x }}\n  "desiredCount": 1\n  {{ end }}\n}', 'json');
    assert.equal(doc.fatal, true);
  });

  it('a very short template keeps the offsets ({{.}} reads as null)', () => {
    const masked = maskUnquotedTemplates('{"a": {{.}}}', 'json');
    assert.equal(masked.text, '{"a": null }');
  });
});
