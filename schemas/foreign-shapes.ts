/**
 * Documents that are clearly something other than an ECS service definition, whatever their
 * file is called: a Kubernetes `service-definition.yaml`, an App Runner or Lightsail
 * `update-service.json`, a package.json. ecsdef never reports on them (unless told the kind).
 *
 * One entry per shape: a label for the notice ("a Kubernetes manifest") and the test, which
 * looks only at top-level keys and so costs nothing next to parsing.
 */
import { isPlainObject } from './pointer';

type Doc = Record<string, unknown>;

export interface ForeignShape {
  /** Completes "looks like ...". */
  label: string;
  test(doc: Doc): boolean;
}

const has = (doc: Doc, key: string): boolean => Object.prototype.hasOwnProperty.call(doc, key);
const any = (doc: Doc, keys: readonly string[]): boolean => keys.some((k) => has(doc, k));
const isString = (value: unknown): value is string => typeof value === 'string';

// Key lists built once (these tests run for every file a walk reads).
const TASK_DEFINITION_KEYS: readonly string[] = ['containerDefinitions', 'requiresCompatibilities', 'networkMode', 'family', 'ipcMode', 'pidMode'];
const NPM_MANIFEST_KEYS: readonly string[] = ['version', 'dependencies', 'devDependencies', 'scripts', 'main', 'private', 'workspaces'];
const TSCONFIG_LIST_KEYS: readonly string[] = ['include', 'files', 'references'];
const ECSPRESSO_CONFIG_KEYS: readonly string[] = ['service_definition', 'task_definition', 'required_version', 'plugins', 'codedeploy', 'appspec'];
const LIGHTSAIL_KEYS: readonly string[] = ['power', 'scale', 'containers', 'publicDomainNames', 'isDisabled', 'privateRegistryAccess', 'publicEndpoint'];
const JSON_SCHEMA_KEYS: readonly string[] = ['properties', 'definitions', '$defs', 'type', 'allOf', 'oneOf'];
const OPENAPI_KEYS: readonly string[] = ['openapi', 'swagger'];

export const FOREIGN_SHAPES: readonly ForeignShape[] = [
  { label: 'a Kubernetes manifest', test: (d) => isString(d.apiVersion) && (isString(d.kind) || has(d, 'name')) },
  { label: 'a CloudFormation or SAM template', test: (d) => has(d, 'AWSTemplateFormatVersion') || isPlainObject(d.Resources) || has(d, 'Transform') },
  { label: 'a Compose file', test: (d) => isPlainObject(d.services) || (has(d, 'version') && isPlainObject(d.volumes)) },
  { label: 'an AWS CLI describe-services response', test: (d) => Array.isArray(d.services) && (has(d, 'failures') || d.services.every(isPlainObject)) },
  { label: 'an AWS CLI create-service or update-service response', test: (d) => isPlainObject(d.service) && ('serviceArn' in d.service || 'serviceName' in d.service) },
  {
    label: 'an ECS task definition',
    test: (d) => any(d, TASK_DEFINITION_KEYS) || isPlainObject(d.taskDefinition),
  },
  { label: 'an npm package manifest', test: (d) => isString(d.name) && any(d, NPM_MANIFEST_KEYS) },
  { label: 'a TypeScript or JavaScript project config', test: (d) => isPlainObject(d.compilerOptions) || (isString(d.extends) && any(d, TSCONFIG_LIST_KEYS)) },
  { label: 'an ecspresso config', test: (d) => any(d, ECSPRESSO_CONFIG_KEYS) },
  {
    label: 'a Lightsail container service input',
    test: (d) => any(d, LIGHTSAIL_KEYS),
  },
  { label: 'a Serverless Framework config', test: (d) => isPlainObject(d.provider) || isPlainObject(d.functions) },
  { label: 'a JSON Schema', test: (d) => isString(d.$schema) && any(d, JSON_SCHEMA_KEYS) },
  { label: 'an OpenAPI document', test: (d) => any(d, OPENAPI_KEYS) },
  { label: 'a CI workflow', test: (d) => isPlainObject(d.jobs) || (has(d, 'on') && has(d, 'name')) || has(d, 'stages') },
  {
    // ECS inputs are camelCase; App Runner, CloudFormation properties, CodeDeploy app specs and
    // most other tools' AWS files are PascalCase.
    label: 'a file of another AWS tool (its keys are PascalCase, as in App Runner and CloudFormation)',
    test: (d) => {
      // A loop, not filter + regex: this runs for every file a walk reads.
      let keys = 0;
      let pascal = 0;
      for (const key in d) {
        if (key === '$schema' || !has(d, key)) continue;
        keys++;
        const first = key.charCodeAt(0);
        if (first >= 65 && first <= 90) pascal++;
      }
      return keys > 0 && pascal * 2 > keys;
    },
  },
];

/** The label of the first foreign shape the document has, or undefined. */
export function foreignShapeOf(doc: Doc): string | undefined {
  return FOREIGN_SHAPES.find((shape) => shape.test(doc))?.label;
}
