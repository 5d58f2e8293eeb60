import type { RuleReport } from '../rule';
import { crossFieldRule } from './support/define';
import { objectItems } from './support/facts';
import { field, text, type JsonObject } from './support/values';

const RESERVED = /^aws:/i;

/** The tag lists of a definition: the service's own and those of its managed EBS volumes. */
function tagLists(def: JsonObject): Array<{ owner: unknown; at: string }> {
  const lists = [{ owner: def, at: '/tags' }];
  for (const { item, index } of objectItems(def, 'volumeConfigurations')) {
    for (const spec of objectItems(field(item, 'managedEBSVolume'), 'tagSpecifications')) {
      lists.push({ owner: spec.item, at: `/volumeConfigurations/${index}/managedEBSVolume/tagSpecifications/${spec.index}/tags` });
    }
  }
  return lists;
}

export default crossFieldRule({
  id: 'ECS254',
  name: 'tag-keys-unique-and-unreserved',
  defaultSeverity: 'error',
  kinds: ['service', 'ecspresso', 'express-service'],
  messages: {
    duplicate: 'Tag key "{{key}}" is given more than once; a resource holds one value per key.',
    reservedKey: 'Tag key "{{key}}" starts with "aws:", a prefix AWS keeps for itself.',
    reservedValue: 'Tag value "{{value}}" starts with "aws:", a prefix AWS keeps for itself.',
  },
  docs: {
    description: 'Flags repeated tag keys and tag keys or values with the reserved aws: prefix.',
    statement:
      'Each tag key of a resource is unique and carries one value; keys and values must not begin ' +
      'with aws: in any combination of case, which is reserved for AWS use.',
    source: 'ECS API Reference, Tag (basic restrictions on tags)',
  },
  check(def) {
    const reports: RuleReport[] = [];
    for (const { owner, at } of tagLists(def)) {
      const seen = new Set<string>();
      for (const { item, index } of objectItems(owner, 'tags')) {
        const key = text(field(item, 'key'));
        const value = text(field(item, 'value'));
        if (key !== undefined && seen.has(key)) reports.push({ pointer: `${at}/${index}/key`, target: 'value', messageId: 'duplicate', data: { key } });
        else if (key !== undefined && RESERVED.test(key)) reports.push({ pointer: `${at}/${index}/key`, target: 'value', messageId: 'reservedKey', data: { key } });
        if (value !== undefined && RESERVED.test(value)) reports.push({ pointer: `${at}/${index}/value`, target: 'value', messageId: 'reservedValue', data: { value } });
        if (key !== undefined) seen.add(key);
      }
    }
    return reports;
  },
  examples: {
    valid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:3",
  "desiredCount": 1,
  "tags": [{ "key": "team", "value": "web" }, { "key": "Team", "value": "aws-platform" }]
}`,
        yaml: `serviceName: web
taskDefinition: web:3
desiredCount: 1
tags:
  - { key: team, value: web }
  - { key: Team, value: aws-platform }
`,
      },
    ],
    invalid: [
      {
        kind: 'service',
        json: `{
  "serviceName": "web",
  "taskDefinition": "web:3",
  "desiredCount": 1,
  "tags": [{ "key": "team", "value": "web" }, { "key": ⟦"team"⟧, "value": "api" }]
}`,
        yaml: `serviceName: web
taskDefinition: web:3
desiredCount: 1
tags:
  - { key: team, value: web }
  - { key: ⟦team⟧, value: api }
`,
      },
      {
        kind: 'ecspresso',
        json: `{
  "desiredCount": 1,
  "tags": [{ "key": ⟦"AWS:owner"⟧, "value": "me" }]
}`,
        yaml: `desiredCount: 1
tags:
  - key: ⟦AWS:owner⟧
    value: me
`,
      },
      {
        kind: 'express-service',
        json: `{
  "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices",
  "primaryContainer": { "image": "nginx" },
  "tags": [{ "key": "origin", "value": ⟦"aws:cloudformation"⟧ }]
}`,
        yaml: `infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
primaryContainer: { image: nginx }
tags:
  - { key: origin, value: ⟦aws:cloudformation⟧ }
`,
      },
      {
        kind: 'service',
        json: `{
  "serviceName": "db",
  "taskDefinition": "db:1",
  "desiredCount": 1,
  "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20,
    "tagSpecifications": [{ "resourceType": "volume", "tags": [{ "key": "a", "value": "1" }, { "key": ⟦"a"⟧, "value": "2" }] }] } }]
}`,
        yaml: `serviceName: db
taskDefinition: db:1
desiredCount: 1
volumeConfigurations:
  - name: data
    managedEBSVolume:
      roleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRole
      sizeInGiB: 20
      tagSpecifications:
        - resourceType: volume
          tags: [{ key: a, value: "1" }, { key: ⟦a⟧, value: "2" }]
`,
      },
    ],
  },
});
