/**
 * Broken and fixed service definitions shared by the protocol, Neovim and VS Code suites, with
 * the rule ids and 0-based lines each client must show.
 */

export interface Expected {
  code: string;
  line: number;
}

/** CreateService input with three problems of three rule families. */
export const BROKEN_JSON = `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": -1,
  "launchType": "FARGATE",
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "schedulingStrategy": "replica",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}
`;

export const BROKEN_JSON_EXPECTED: Expected[] = [
  { code: 'ECS105', line: 3 }, // desiredCount below its minimum
  { code: 'ECS201', line: 5 }, // capacityProviderStrategy next to launchType
  { code: 'ECS104', line: 6 }, // enum value in the wrong case
];

export const FIXED_JSON = `{
  "serviceName": "web",
  "taskDefinition": "web:12",
  "desiredCount": 1,
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "schedulingStrategy": "REPLICA",
  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } }
}
`;

export const BROKEN_YAML = `serviceName: web
taskDefinition: web:12
desiredCount: -1
launchType: FARGATE
capacityProviderStrategy:
  - capacityProvider: FARGATE_SPOT
    weight: 1
schedulingStrategy: replica
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
`;

export const BROKEN_YAML_EXPECTED: Expected[] = [
  { code: 'ECS105', line: 2 },
  { code: 'ECS201', line: 4 },
  { code: 'ECS104', line: 7 },
];

export const FIXED_YAML = `serviceName: web
taskDefinition: web:12
desiredCount: 1
capacityProviderStrategy:
  - capacityProvider: FARGATE_SPOT
    weight: 1
schedulingStrategy: REPLICA
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d4e5f60718]
`;

export function sortExpected(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}
