/**
 * The change classes on the schema agree with what the SDK doc comments of UpdateService say:
 * "This parameter triggers a new service deployment" / "doesn't trigger a new service deployment".
 */
import { strict as assert } from 'assert';
import { schemaFor } from '../../schemas';
import { readSdkModel, type StructureShape } from '../../schemas/generate/sdk-model';
import type { ChangeAnnotation } from '../../schemas/overlay';

const update = readSdkModel().shapes.get('UpdateServiceRequest') as StructureShape;
const props = schemaFor('service').properties as Record<string, Record<string, unknown>>;

describe('change classes vs. the UpdateService doc sentences', () => {
  const triggers = update.members.filter((m) => /This parameter triggers a new service deployment/.test(m.doc));
  const doesNot = update.members.filter((m) => /doesn't trigger a new service deployment/.test(m.doc));

  it('finds the sentences in the installed SDK (guards against a silent rewording)', () => {
    assert.ok(triggers.length >= 3, `only ${triggers.length} "triggers" sentences`);
    assert.ok(doesNot.length >= 3, `only ${doesNot.length} "doesn't trigger" sentences`);
  });

  for (const m of triggers) {
    it(`${m.name}: triggers a deployment -> class "deployment"`, () => {
      assert.equal((props[m.name]['x-ecsdef-change'] as ChangeAnnotation).class, 'deployment');
    });
  }
  for (const m of doesNot) {
    it(`${m.name}: does not trigger by itself -> "in-place", or a deployment only with forceNewDeployment`, () => {
      const a = props[m.name]['x-ecsdef-change'] as ChangeAnnotation;
      assert.ok(a.class === 'in-place' || (a.class === 'deployment' && a.forceNewDeployment === true), JSON.stringify(a));
    });
  }

  it('annotates every CreateService member', () => {
    for (const [name, schema] of Object.entries(props)) {
      if (name === '$schema' || schema['x-ecsdef-not-in-api']) continue;
      assert.ok(schema['x-ecsdef-change'], name);
    }
  });

  it('marks the Express identity fields as replace and the rest as a new revision', () => {
    const express = schemaFor('express-service').properties as Record<string, Record<string, unknown>>;
    for (const name of ['serviceName', 'cluster', 'infrastructureRoleArn']) assert.equal((express[name]['x-ecsdef-change'] as ChangeAnnotation).class, 'replace', name);
    for (const name of ['primaryContainer', 'cpu', 'memory', 'scalingTarget', 'networkConfiguration']) assert.equal((express[name]['x-ecsdef-change'] as ChangeAnnotation).class, 'deployment', name);
  });
});
