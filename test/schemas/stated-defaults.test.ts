/**
 * `x-ecsdef-default` is shown in hover as "Default: ...", so it may only hold a value the API
 * uses whenever the member is left out. A default that depends on something else (the cluster's
 * default capacity provider strategy, the scheduling strategy) is left to the description text.
 */
import { strict as assert } from 'node:assert';
import { DEFINITION_KINDS, schemaFor, type SchemaNode } from '../../schemas';

/** Unconditional API defaults, each with the sentence of the API reference that states it. */
const UNCONDITIONAL: Record<string, unknown> = {
  // "When you use create-service or update-service, the default is DISABLED."
  'AwsVpcConfiguration.assignPublicIp': 'DISABLED',
  // "The port number on the container that receives traffic from the load balancer. Default is 80."
  'ExpressGatewayContainer.containerPort': 80,
};

function statedDefaults(root: SchemaNode): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const shapes: Array<[string, SchemaNode]> = [['(root)', root], ...Object.entries((root.definitions ?? {}) as Record<string, SchemaNode>)];
  for (const [shape, node] of shapes) {
    for (const [member, schema] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
      for (const at of [schema, schema.items as SchemaNode | undefined]) {
        if (at && 'x-ecsdef-default' in at) found[`${shape}.${member}`] = at['x-ecsdef-default'];
      }
    }
  }
  return found;
}

describe('stated defaults', () => {
  for (const kind of DEFINITION_KINDS) {
    it(`${kind}: only unconditional API defaults`, () => {
      for (const [where, value] of Object.entries(statedDefaults(schemaFor(kind)))) {
        assert.ok(where in UNCONDITIONAL, `${kind} states a default for ${where} (${JSON.stringify(value)}) the API only has conditionally`);
        assert.deepEqual(value, UNCONDITIONAL[where], where);
      }
    });
  }

  it('keeps the unconditional ones', () => {
    assert.equal(statedDefaults(schemaFor('service'))['AwsVpcConfiguration.assignPublicIp'], 'DISABLED');
    assert.equal(statedDefaults(schemaFor('express-service'))['ExpressGatewayContainer.containerPort'], 80);
  });
});
