import { strict as assert } from 'node:assert';
import { fileNameRegex, foreignFileNameOf, KINDS, kindFromSchemaRef } from '../../schemas/kinds';
import { mightBeDefinition, recognise, type RecogniseInput } from '../../schemas/recognise';

const kindOf = (input: RecogniseInput): string | undefined => recognise(input).kind;

describe('schemas/recognise', () => {
  it('an explicit kind, a configured glob and a $schema win over everything', () => {
    const k8s = { apiVersion: 'v1', kind: 'Service' };
    assert.deepEqual(recognise({ value: k8s, forced: 'service' }), { kind: 'service', source: 'option' });
    assert.deepEqual(recognise({ value: k8s, configured: 'ecspresso' }), { kind: 'ecspresso', source: 'config' });
    assert.deepEqual(recognise({ value: {}, schemaRef: 'https://ecsdef.dev/schemas/update-service.schema.json' }), { kind: 'update-service', source: '$schema' });
  });

  it('content alone: each kind from its evidence', () => {
    assert.equal(kindOf({ value: { serviceArn: 'arn', primaryContainer: { image: 'x' } } }), 'express-update');
    assert.equal(kindOf({ value: { serviceName: 'x', primaryContainer: { image: 'x' } } }), 'express-service');
    assert.equal(kindOf({ value: { infrastructureRoleArn: 'arn', cpu: '256' } }), 'express-service');
    assert.equal(kindOf({ value: { service: 'web', desiredCount: 1 } }), 'update-service');
    assert.equal(kindOf({ value: { serviceArn: 'arn', status: 'ACTIVE', launchType: 'FARGATE' } }), 'ecspresso');
    assert.equal(kindOf({ value: { desiredCount: 1, launchType: 'FARGATE' } }), 'ecspresso', 'no serviceName: what ecspresso init writes');
    assert.equal(kindOf({ value: { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 } }), 'service');
  });

  it('generic members alone are no evidence (Lightsail, app configs)', () => {
    assert.equal(kindOf({ value: { serviceName: 'web' } }), undefined);
    assert.equal(kindOf({ value: { serviceName: 'web', cluster: 'prod', tags: [] } }), undefined);
    assert.equal(kindOf({ value: { name: 'orders', port: 8080, desiredCount: 1, replicas: 3 } }), undefined, 'one member in four');
  });

  it('misspelt keys lower the fit but keep a real definition', () => {
    const misspelt = { serviceName: 'web', taskDefiniton: 'web:1', lauchType: 'FARGATE', desiredCount: 1, networkConfiguraton: {}, cluster: 'prod' };
    assert.equal(kindOf({ value: misspelt }), 'service');
    const unknown = { serviceName: 'web', zzz: 1, yyy: 2, xxx: 3, www: 4, desiredCount: 1 };
    assert.equal(kindOf({ value: unknown }), undefined, 'two members in six is not a definition');
  });

  it('a name breaks ties; content that settles the kind overrules it', () => {
    const ecspressoish = { desiredCount: 1, launchType: 'FARGATE' };
    assert.deepEqual(recognise({ value: ecspressoish, nameKind: 'service' }), { kind: 'service', source: 'file name' });
    const create = { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 };
    assert.deepEqual(recognise({ value: create, nameKind: 'ecspresso' }), { kind: 'service', source: 'content' });
    const express = { infrastructureRoleArn: 'arn', primaryContainer: { image: 'x' } };
    assert.deepEqual(recognise({ value: express, nameKind: 'ecspresso' }), { kind: 'express-service', source: 'content' });
    assert.deepEqual(recognise({ value: {}, nameKind: 'ecspresso' }), { kind: 'ecspresso', source: 'file name' });
    assert.deepEqual(recognise({ value: [1], nameKind: 'service' }), { kind: 'service', source: 'file name' }, 'a named non-object is reported as one');
  });

  it('a name-matched file whose parse failed keeps its name kind (recovered keys say nothing)', () => {
    assert.deepEqual(recognise({ value: { AserviceName: {} }, nameKind: 'service', broken: true }), { kind: 'service', source: 'file name' });
  });

  it('look-alikes are never definitions, whatever their name', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ apiVersion: 'v1', kind: 'Service', spec: {} }, /Kubernetes/],
      [{ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }, /CloudFormation/],
      [{ services: { web: { image: 'nginx' } } }, /Compose/],
      [{ ServiceArn: 'arn', SourceConfiguration: {} }, /PascalCase/],
      [{ serviceName: 'flask', power: 'nano', scale: 1 }, /Lightsail/],
      [{ family: 'web', containerDefinitions: [] }, /task definition/],
      [{ services: [{ serviceName: 'web' }], failures: [] }, /describe-services/],
      [{ service: { serviceName: 'web', desiredCount: 1 } }, /create-service or update-service response/],
      [{ region: 'x', service_definition: 'ecs-service-def.json' }, /ecspresso config/],
    ];
    for (const [value, reason] of cases) {
      const result = recognise({ value, nameKind: 'service' });
      assert.equal(result.kind, undefined, JSON.stringify(value));
      assert.match((result as { reason: string }).reason, reason);
    }
    assert.match((recognise({ value: { desiredCount: 1, launchType: 'EC2' }, fileName: 'a/package.json' }) as { reason: string }).reason, /Node\.js project file/);
    assert.equal(foreignFileNameOf('deploy/ecs-task-def.json'), 'an ECS task definition');
    assert.equal(foreignFileNameOf('ecs-service-def.json'), undefined);
  });

  it('the cheap text test never rejects a document recognise() would accept', () => {
    const accepted = [{ desiredCount: 1, launchType: 'FARGATE' }, { service: 'web', forceNewDeployment: true }, { primaryContainer: { image: 'x' }, infrastructureRoleArn: 'a' }];
    for (const value of accepted) {
      assert.ok(recognise({ value }).kind);
      assert.equal(mightBeDefinition(JSON.stringify(value)), true);
    }
    assert.equal(mightBeDefinition('{"name":"x","version":"1.0.0","dependencies":{}}'), false);
    assert.equal(mightBeDefinition('# yaml-language-server: $schema=https://ecsdef.dev/schemas/service.schema.json\n'), true);
  });

  it('registry: schema references and file names', () => {
    assert.equal(kindFromSchemaRef('file:///a/service.schema.json'), 'service');
    assert.equal(kindFromSchemaRef('https://x/my-service.schema.json'), undefined);
    const names: Array<[string, string]> = [
      ['ecs-service-def.json', 'ecspresso'], ['rails-service-def.jsonnet', 'ecspresso'], ['deploy/sv.json', 'ecspresso'],
      ['create-service.json', 'service'], ['service-bluegreen.yaml', 'service'], ['update-service.json', 'update-service'],
      ['ecs-express-def.json', 'express-service'], ['api.express-update.yml', 'express-update'],
    ];
    for (const [name, kind] of names) assert.equal(KINDS.find((k) => fileNameRegex(k).test(name))?.kind, kind, name);
  });
});
