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

export const FOREIGN_SHAPES: readonly ForeignShape[] = [
  { label: 'a Kubernetes manifest', test: (d) => isString(d.apiVersion) && (isString(d.kind) || has(d, 'name')) },
  { label: 'a CloudFormation or SAM template', test: (d) => has(d, 'AWSTemplateFormatVersion') || isPlainObject(d.Resources) || has(d, 'Transform') },
  { label: 'a Compose file', test: (d) => isPlainObject(d.services) || (has(d, 'version') && isPlainObject(d.volumes)) },
  { label: 'an AWS CLI describe-services response', test: (d) => Array.isArray(d.services) && (has(d, 'failures') || d.services.every(isPlainObject)) },
  { label: 'an AWS CLI create-service or update-service response', test: (d) => isPlainObject(d.service) && ('serviceArn' in d.service || 'serviceName' in d.service) },
  {
    label: 'an ECS task definition',
    test: (d) => any(d, ['containerDefinitions', 'requiresCompatibilities', 'networkMode', 'family', 'ipcMode', 'pidMode']) || isPlainObject(d.taskDefinition),
  },
  { label: 'an npm package manifest', test: (d) => isString(d.name) && any(d, ['version', 'dependencies', 'devDependencies', 'scripts', 'main', 'private', 'workspaces']) },
  { label: 'a TypeScript or JavaScript project config', test: (d) => isPlainObject(d.compilerOptions) || (isString(d.extends) && any(d, ['include', 'files', 'references'])) },
  { label: 'an ecspresso config', test: (d) => any(d, ['service_definition', 'task_definition', 'required_version', 'plugins', 'codedeploy', 'appspec']) },
  {
    label: 'a Lightsail container service input',
    test: (d) => any(d, ['power', 'scale', 'containers', 'publicDomainNames', 'isDisabled', 'privateRegistryAccess', 'publicEndpoint']),
  },
  { label: 'a Serverless Framework config', test: (d) => isPlainObject(d.provider) || isPlainObject(d.functions) },
  { label: 'a JSON Schema', test: (d) => isString(d.$schema) && any(d, ['properties', 'definitions', '$defs', 'type', 'allOf', 'oneOf']) },
  { label: 'an OpenAPI document', test: (d) => any(d, ['openapi', 'swagger']) },
  { label: 'a CI workflow', test: (d) => isPlainObject(d.jobs) || (has(d, 'on') && has(d, 'name')) || has(d, 'stages') },
  {
    // ECS inputs are camelCase; App Runner, CloudFormation properties, CodeDeploy app specs and
    // most other tools' AWS files are PascalCase.
    label: 'a file of another AWS tool (its keys are PascalCase, as in App Runner and CloudFormation)',
    test: (d) => {
      const keys = Object.keys(d).filter((k) => k !== '$schema');
      return keys.length > 0 && keys.filter((k) => /^[A-Z]/.test(k)).length * 2 > keys.length;
    },
  },
];

/** The label of the first foreign shape the document has, or undefined. */
export function foreignShapeOf(doc: Doc): string | undefined {
  return FOREIGN_SHAPES.find((shape) => shape.test(doc))?.label;
}
