/** Definitions shared by the CLI tests: one clean, one with a known cross-field error. */

export const CLEAN_SERVICE = `{
  "cluster": "prod",
  "serviceName": "web",
  "taskDefinition": "web:3",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "networkConfiguration": {
    "awsvpcConfiguration": {
      "subnets": ["subnet-0123456789abcdef0"],
      "securityGroups": ["sg-0123456789abcdef0"],
      "assignPublicIp": "DISABLED"
    }
  }
}
`;

/** launchType and capacityProviderStrategy together: ECS201 on the second key (line 7, col 3). */
export const BROKEN_SERVICE = `{
  "cluster": "prod",
  "serviceName": "web",
  "taskDefinition": "web:3",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }],
  "networkConfiguration": {
    "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] }
  }
}
`;

export const BROKEN_LINE = 7;
export const BROKEN_COLUMN = 3;

/** The same broken definition in YAML: the offending key is on line 6. */
export const BROKEN_SERVICE_YAML = `cluster: prod
serviceName: web
taskDefinition: web:3
desiredCount: 2
launchType: FARGATE
capacityProviderStrategy:
  - capacityProvider: FARGATE
    weight: 1
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0123456789abcdef0]
`;
