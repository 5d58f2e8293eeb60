/**
 * Express gateway services: one row per documented statement — a change to a running service,
 * what the provider plans (schemas.classify reached through the provider's Express normaliser)
 * and, for updates, what UpdateExpressGatewayService receives. `source` names the document and
 * passage, restated in our own words. The last block checks the change classes against the
 * request shapes of the installed SDK (the SDK wins where docs disagree).
 */
import { strict as assert } from 'assert';
import { planBetween } from '../../provider/core/resource-provider';
import { expressDriver } from '../../provider/express/driver';
import { buildExpressUpdateRequest } from '../../provider/express/update-request';
import { schemaFor } from '../../schemas';
import { readSdkModel, type StructureShape } from '../../schemas/generate/sdk-model';
import { describePlan } from '../../schemas/plan/plan';
import type { ChangeAnnotation } from '../../schemas/overlay';

type Expect = 'replace' | 'revision' | 'in-place' | 'none';
interface Row {
  from?: Record<string, unknown>;
  change: Record<string, unknown>;
  expect: Expect;
  /** The UpdateExpressGatewayService members sent (besides serviceArn), when the row checks them. */
  sends?: Record<string, unknown>;
  source: string;
}

const UPDATE = 'UpdateExpressGatewayService API reference';
const CREATE = 'CreateExpressGatewayService API reference';
const REVISIONS = 'ECSExpressGatewayService API reference: a service keeps service revisions; each accepted update adds one and rolls it out';
const ROLE = 'arn:aws:iam::123456789012:role/';
const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/';

const base = (): Record<string, unknown> => ({
  serviceName: 'web',
  cluster: 'prod',
  infrastructureRoleArn: `${ROLE}ecsInfrastructureRoleForExpressServices`,
  executionRoleArn: `${ROLE}ecsTaskExecutionRole`,
  primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.27', environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
  cpu: '512',
  memory: '1024',
});

const rows: Row[] = [
  // identity: the update request addresses the service by ARN and has no member to change these
  { change: { serviceName: 'web2' }, expect: 'replace', source: `${UPDATE}, request syntax: no serviceName member; the name is part of the service ARN` },
  { change: { cluster: 'staging' }, expect: 'replace', source: `${UPDATE}, request syntax: no cluster member; a service cannot move between clusters` },
  { change: { infrastructureRoleArn: `${ROLE}other` }, expect: 'replace', source: `${UPDATE}, request syntax: no infrastructureRoleArn member (the role that manages the load balancer is fixed at creation)` },
  // every updatable member: a new service revision with a rolling deployment
  { change: { primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.28' } }, expect: 'revision', sends: { primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.28' } }, source: `${UPDATE}, primaryContainer; ${REVISIONS}` },
  { change: { cpu: '1024', memory: '2048' }, expect: 'revision', sends: { cpu: '1024', memory: '2048' }, source: `${UPDATE}, cpu and memory; ${REVISIONS}` },
  { change: { cpuArchitecture: 'ARM64' }, expect: 'revision', sends: { cpuArchitecture: 'ARM64' }, source: `${UPDATE}, cpuArchitecture: a new architecture starts a deployment that replaces the running tasks` },
  { change: { healthCheckPath: '/health' }, expect: 'revision', sends: { healthCheckPath: '/health' }, source: `${UPDATE}, healthCheckPath; ${REVISIONS}` },
  { change: { taskRoleArn: `${ROLE}app` }, expect: 'revision', sends: { taskRoleArn: `${ROLE}app` }, source: `${UPDATE}, taskRoleArn; ${REVISIONS}` },
  { change: { executionRoleArn: `${ROLE}exec2` }, expect: 'revision', source: `${UPDATE}, executionRoleArn; ${REVISIONS}` },
  { change: { networkConfiguration: { subnets: ['subnet-b', 'subnet-a'] } }, expect: 'revision', source: `${UPDATE}, networkConfiguration; ${REVISIONS}` },
  { change: { scalingTarget: { minTaskCount: 2, maxTaskCount: 8 } }, expect: 'revision', source: `${UPDATE}, scalingTarget; ${REVISIONS}` },
  // tags are not an update member
  { change: { tags: [{ key: 'team', value: 'web' }] }, expect: 'in-place', sends: undefined, source: 'TagResource / UntagResource API reference (UpdateExpressGatewayService has no tags member)' },
  // a task definition of one's own takes over the container settings
  {
    change: { taskDefinitionArn: `${TD}web:3`, primaryContainer: undefined, executionRoleArn: undefined, cpu: undefined, memory: undefined },
    expect: 'revision',
    sends: { taskDefinitionArn: `${TD}web:3` },
    source: `${UPDATE}, taskDefinitionArn: with it, primaryContainer, executionRoleArn, taskRoleArn, cpu, memory and cpuArchitecture may not be given`,
  },
  // removals: documented defaults are sent; members without one keep the running value
  { change: { cpu: undefined }, expect: 'revision', sends: { cpu: '256' }, source: `${CREATE}, cpu: 256 CPU units unless given (the update would otherwise keep the running value)` },
  { change: { healthCheckPath: '/health' }, from: { healthCheckPath: '/health' }, expect: 'none', source: `${CREATE}, healthCheckPath (unchanged)` },
  { from: { healthCheckPath: '/health' }, change: { healthCheckPath: undefined }, expect: 'revision', sends: { healthCheckPath: '/ping' }, source: `${CREATE}, healthCheckPath: /ping unless given` },
  { from: { taskRoleArn: `${ROLE}app` }, change: { taskRoleArn: undefined }, expect: 'none', source: `${UPDATE}: an omitted member keeps the running value, and the request has no way to unset a task role` },
  { from: { networkConfiguration: { subnets: ['subnet-a'] } }, change: { networkConfiguration: undefined }, expect: 'none', source: `${CREATE}, networkConfiguration: the default VPC applies when the service is created; ${UPDATE}: omitted keeps the running network` },
  // spelling only
  { change: { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' }, expect: 'none', source: `${CREATE}, cluster: short name or full ARN` },
  { change: { primaryContainer: { image: 'public.ecr.aws/nginx/nginx:1.27', containerPort: 80, environment: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }] } }, expect: 'none', source: 'ExpressGatewayContainer API reference: containerPort defaults to 80; environment variables are named, so their order carries no meaning' },
  { change: { memory: '1024', scalingTarget: { autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 } }, from: { scalingTarget: {} }, expect: 'none', source: 'ExpressGatewayScalingTarget API reference: CPU utilisation with a target of 60 unless given' },
];

function plan(row: Row) {
  const before = { ...base(), ...row.from };
  const after = { ...before, ...row.change };
  for (const [k, v] of Object.entries(row.change)) if (v === undefined) delete after[k];
  return { plan: planBetween(expressDriver, before, after), after };
}

function outcome(p: ReturnType<typeof planBetween>): Expect {
  if (p.replaces.length) return 'replace';
  if (p.deployment.length) return 'revision';
  if (p.inPlace.length) return 'in-place';
  return 'none';
}

describe('Express classification (documented change classes)', () => {
  for (const row of rows) {
    const what = Object.entries(row.change).map(([k, v]) => `${k}=${JSON.stringify(v) ?? 'unset'}`).join(' ');
    it(`${what} -> ${row.expect}  [${row.source}]`, () => {
      const { plan: p, after } = plan(row);
      assert.equal(outcome(p), row.expect, p.changes.map((c) => `${c.field}: ${c.reason}`).join('; '));
      if ('sends' in row) {
        const request = buildExpressUpdateRequest(p, after, 'arn:svc');
        const sent = request ? Object.fromEntries(Object.entries(request).filter(([k]) => k !== 'serviceArn')) : undefined;
        assert.deepEqual(sent, row.sends);
      }
    });
  }

  it('says "new service revision (rolling deployment)", never forceNewDeployment, in the preview line', () => {
    const { plan: p } = plan(rows[4]);
    assert.equal(describePlan(p), 'new service revision (rolling deployment): cpu, memory');
    const tags = plan(rows.find((r) => r.expect === 'in-place')!).plan;
    assert.equal(describePlan(tags), 'in place, no new revision: tags');
    const both = planBetween(expressDriver, base(), { ...base(), cpu: '1024', tags: [{ key: 'k', value: 'v' }] });
    assert.equal(describePlan(both), 'new service revision (rolling deployment): cpu; also in place: tags');
    assert.equal(describePlan(planBetween(expressDriver, undefined, base())), 'create: new Express service, first service revision deployed and followed to completion');
    assert.equal(describePlan(plan(rows[0]).plan), 'replace (create before delete): serviceName');
    assert.equal(describePlan(plan(rows[2]).plan), 'replace (delete before replace): infrastructureRoleArn');
  });

  it('a changed redeploy trigger resends the container: a new revision pulls the image again', () => {
    const p = planBetween(expressDriver, { ...base(), redeployTriggers: 'sha256:a' }, { ...base(), redeployTriggers: 'sha256:b' });
    assert.equal(describePlan(p), 'new service revision (rolling deployment): redeployTriggers');
    assert.deepEqual(buildExpressUpdateRequest(p, base(), 'arn:svc'), { serviceArn: 'arn:svc', primaryContainer: base().primaryContainer });
  });
});

describe('Express change classes vs. the request shapes of the installed SDK', () => {
  const model = readSdkModel();
  const members = (shape: string) => (model.shapes.get(shape) as StructureShape).members.map((m) => m.name);
  const create = members('CreateExpressGatewayServiceRequest');
  const update = new Set(members('UpdateExpressGatewayServiceRequest'));
  const props = schemaFor('express-service').properties as Record<string, Record<string, unknown>>;
  const cls = (f: string) => (props[f]['x-ecsdef-change'] as ChangeAnnotation).class;

  it('every create member the update request lacks is replaced (tags go through TagResource)', () => {
    const notUpdatable = create.filter((m) => !update.has(m));
    assert.deepEqual(notUpdatable.sort(), ['cluster', 'infrastructureRoleArn', 'serviceName', 'tags']);
    for (const m of notUpdatable) assert.equal(cls(m), m === 'tags' ? 'in-place' : 'replace', m);
  });

  it('every member both requests take makes a new revision', () => {
    const both = create.filter((m) => update.has(m));
    assert.ok(both.length >= 10, `only ${both.length} shared members`);
    for (const m of both) assert.equal(cls(m), 'deployment', m);
  });

  it('the CPU architecture text still says an omitted value keeps the running one (why removal resets to the default)', () => {
    const doc = (model.shapes.get('UpdateExpressGatewayServiceRequest') as StructureShape).members.find((m) => m.name === 'cpuArchitecture')?.doc ?? '';
    assert.match(doc, /keeps its current architecture/);
  });
});
