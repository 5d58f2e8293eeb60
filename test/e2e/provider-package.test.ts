/**
 * Item 9: ecsdef as a Pulumi user installs it. `npm run example:pulumi` (the one documented
 * command) packs the package and installs and type-checks examples/pulumi against the tarball;
 * then fresh projects on the lowest and the newest tested @pulumi/pulumi of the peer range install
 * the same tarball, run a program under Pulumi's mocks, and run the provider in the dynamic
 * provider host of *their* @pulumi/pulumi against moto.
 *
 * Projects live in .tmp/pulumi-compat/<version> (ignored by git) and are reused: after the first
 * run only the ecsdef tarball is installed again.
 */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DynamicHost } from '../support/dynamic-host';
import { TEST_AWS_ENV, useMoto, type Moto } from '../support/moto';

const REPO = path.resolve(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const TARBALL = path.join(REPO, '.tmp', `ecsdef-${PKG.version}.tgz`);
/** The ends of the peer range that are tested: its minimum, and the newest 3.x release when this was written. */
const TESTED = { lowest: '3.216.0', newest: '3.276.0' };
const semver = require(require.resolve('semver', { paths: [path.dirname(require.resolve('@pulumi/pulumi/package.json'))] }));

function npm(cwd: string, ...args: string[]): string {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 8 * 60_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A fresh project with `@pulumi/pulumi@version` and the packed ecsdef, installed. */
function project(version: string): string {
  const dir = path.join(REPO, '.tmp', 'pulumi-compat', version);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `compat-${version}`, private: true, dependencies: { '@pulumi/pulumi': version, ecsdef: `file:${TARBALL}` } }, null, 2));
  fs.rmSync(path.join(dir, 'node_modules', 'ecsdef'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, 'package-lock.json'), { force: true });
  npm(dir, 'install', '--no-audit', '--no-fund', '--prefer-offline');
  return dir;
}

/** Runs `code` with node in `dir` (so `require` resolves the project's packages); its stdout. */
function run(dir: string, code: string): string {
  return execFileSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...TEST_AWS_ENV, ECSDEF_PROGRESS: 'false' }, timeout: 60_000 });
}

describe('e2e: the ecsdef package installed as a Pulumi user installs it', function () {
  this.timeout(15 * 60_000);

  before(() => {
    npm(REPO, 'run', 'example:pulumi');
  });

  it('examples/pulumi installs and type-checks from the documented command, against the packed package', () => {
    assert.match(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8'), /npm run example:pulumi/);
    const installed = JSON.parse(fs.readFileSync(path.join(REPO, 'examples', 'pulumi', 'node_modules', 'ecsdef', 'package.json'), 'utf8'));
    assert.equal(installed.version, PKG.version);
    assert.ok(fs.existsSync(path.join(REPO, 'examples', 'pulumi', 'node_modules', 'ecsdef', 'dist', 'index.d.ts')), 'installed from the tarball, with its types');
    assert.ok(!fs.lstatSync(path.join(REPO, 'examples', 'pulumi', 'node_modules', 'ecsdef')).isSymbolicLink());
  });

  it('can be published: no private flag, a files list, exports; the tarball holds the built package, no sources or tests', () => {
    assert.equal(PKG.private, undefined);
    const files = execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const f of ['package/package.json', 'package/README.md', 'package/bin/ecsdef', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/provider/ecs-service.js']) assert.ok(files.includes(f), f);
    assert.deepEqual(files.filter((f) => /^package\/(test|provider|schemas|lsp|\.ci|vscode-extension|examples)\//.test(f) || /\.ts$/.test(f) && !/\.d\.ts$/.test(f)), []);
  });

  it(`the peer range of @pulumi/pulumi starts at the lowest tested version (${TESTED.lowest}) and holds the newest (${TESTED.newest})`, () => {
    const range = PKG.peerDependencies['@pulumi/pulumi'];
    assert.equal(semver.minVersion(range).version, TESTED.lowest);
    assert.ok(semver.satisfies(TESTED.newest, range));
    assert.equal(PKG.dependencies['@pulumi/pulumi'], undefined, 'never a second copy next to the program\'s');
  });

  it('engines tells the truth: the lowest Node it names is what the dependencies need', () => {
    const ours = semver.minVersion(PKG.engines.node).version;
    const paths = npm(REPO, 'ls', '--omit=dev', '--omit=peer', '--all', '--parseable').trim().split('\n').slice(1);
    const needs = paths
      .map((d) => JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')))
      .filter((p) => p.engines?.node)
      .map((p) => ({ name: p.name, min: semver.minVersion(p.engines.node).version }));
    const highest = needs.reduce((a, b) => (semver.gt(b.min, a.min) ? b : a), { name: 'none', min: '0.0.0' });
    assert.equal(ours, highest.min, `engines.node says ${ours}; ${highest.name} needs ${highest.min}`);
  });

  for (const [which, version] of Object.entries(TESTED)) {
    describe(`in a fresh project on @pulumi/pulumi ${version} (${which})`, () => {
      let dir: string;
      let moto: Moto;
      before(async function () {
        dir = project(version);
        moto = await useMoto(this);
      });
      after(async () => moto?.stop());

      it('one copy of @pulumi/pulumi: the program\'s', () => {
        assert.ok(!fs.existsSync(path.join(dir, 'node_modules', 'ecsdef', 'node_modules', '@pulumi')), 'ecsdef brings no @pulumi/pulumi of its own');
        assert.equal(run(dir, "process.stdout.write(require(require.resolve('@pulumi/pulumi/package.json', { paths: [require.resolve('ecsdef')] })).version)"), version);
      });

      it('a program creates an EcsService under Pulumi mocks without crashing', () => {
        const out = run(dir, `
          const pulumi = require('@pulumi/pulumi');
          pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name + '-id', state: { ...a.inputs, serviceArn: 'arn:aws:ecs:us-east-1:1:service/prod/' + a.name } }), call: () => ({}) }, 'p', 's', false);
          const { EcsService } = require('ecsdef');
          const web = new EcsService('web', { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:1', desiredCount: 1 });
          web.serviceArn.apply((arn) => process.stdout.write(String(arn)));
        `);
        assert.equal(out, 'arn:aws:ecs:us-east-1:1:service/prod/web');
      });

      it("the provider serialised by that version runs in that version's dynamic-provider host: create, refresh with inputs, delete", async () => {
        const text = run(dir, `
          const pulumi = require('@pulumi/pulumi');
          const { ecsServiceProvider } = require('ecsdef');
          pulumi.runtime.serializeFunction(() => ecsServiceProvider, { allowSecrets: true }).then((sf) => process.stdout.write(sf.text));
        `);
        assert.match(text, /require\("ecsdef\/dist\/provider\/aws\/client\.js"\)/, 'modules referenced by package name, through the exports map');
        const sdk = require('@aws-sdk/client-ecs');
        const ecs = new sdk.ECSClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: TEST_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: TEST_AWS_ENV.AWS_SECRET_ACCESS_KEY } });
        const cluster = `compat-${which}`;
        await ecs.send(new sdk.CreateClusterCommand({ clusterName: cluster }));
        await ecs.send(new sdk.RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
        ecs.destroy();
        const host = await DynamicHost.start({ ...TEST_AWS_ENV }, { program: dir });
        try {
          const news = { __provider: text, serviceName: 'web', cluster, taskDefinition: 'web:1', desiredCount: 1, endpoint: moto.endpoint, region: 'us-east-1', waitForDeployment: false };
          const checked = await host.check('web', {}, news);
          assert.deepEqual(checked.failures, []);
          const created = await host.create('web', checked.inputs);
          const read = await host.read('web', created.id, created.properties, checked.inputs);
          assert.equal(read.inputs?.desiredCount, 1, 'the host hands the inputs read returns to the engine');
          assert.equal((await host.diff('web', created.id, read.properties, checked.inputs)).changes, 'DIFF_NONE');
          await host.delete('web', created.id, read.properties);
        } finally {
          await host.stop();
        }
      });
    });
  }
});
