// Offline checks of rendered Kubernetes manifests, called by deploy/check.
//
//   node check.mjs --built=BUILT.json [--built-digests] [--no-secrets] [--self-contained] [--external=Kind/name ...] NAME=FILE ...
//                                                  check each rendered file; exit 1 on any failure
//                                                  (--external: a ConfigMap or Secret the operator creates
//                                                  outside the rendering, which dangling-ref accepts;
//                                                  --built: the record of the images the build produces,
//                                                  deploy/images/built.json; --built-digests: each of our
//                                                  images must be named by the digest recorded there)
//   node check.mjs --built=BUILT.json --self-test DIR
//                                                  prove that each rule catches the fixture made to break it
//                                                  (deploy/check passes the fixtures' own record,
//                                                  deploy/check-fixtures/built.json, so that no build or
//                                                  version change moves them; a fixture with the line
//                                                  "# built-digests" is checked as an overlay is, with
//                                                  --built-digests)
//
// Two kinds of check:
//  * schema: every object is validated against the JSON schema of its apiVersion/kind, taken from
//    npm packages generated from upstream definitions (see package.json and deploy/README.md):
//      - Kubernetes built-in kinds: kubernetes-models 4.5.1 (OpenAPI of Kubernetes v1.33.0: the
//        closest published to our target v1.32; only apiVersions served by v1.32 are accepted);
//      - kafka.strimzi.io: @kubernetes-models/strimzi-kafka-operator 1.0.1 (Strimzi's CRDs);
//      - postgresql.cnpg.io: @kubernetes-models/cloudnative-pg 1.0.0 (CloudNativePG 1.29.0's CRDs).
//    An object whose apiVersion/kind has no schema here fails: nothing passes unvalidated.
//    These schemas, like Kubernetes' own OpenAPI, do not forbid unknown fields; fields.mjs does
//    that from the TypeScript declarations the same packages generate from the same definitions
//    (rule unknown-field), the way the API server's strict field validation would.
//  * policy: the rules below, each with an id that failures name.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { unknownFields } from './fields.mjs';

const require = createRequire(import.meta.url);
const REPOSITORY = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// apiVersions the cluster we target (Kubernetes 1.32) serves, for the built-in kinds. Add one only
// after checking that 1.32 serves it (the models package knows newer ones too).
const BUILT_IN_API_VERSIONS = new Set([
  'v1', 'apps/v1', 'batch/v1', 'autoscaling/v2', 'policy/v1', 'networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1',
]);
const CRD_MODULES = {
  'kafka.strimzi.io/v1beta2': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2',
  'postgresql.cnpg.io/v1': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1',
};
const WRITABLE_ROOT_FS_ANNOTATION = 'policy.conflictledger.org/writable-root-filesystem';
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

export const RULES = {
  'schema': 'the object validates against the schema of its apiVersion/kind',
  'schema-unknown': 'a schema exists here for the object\'s apiVersion/kind (Kubernetes 1.32, Strimzi, CloudNativePG)',
  'unknown-field': 'every field of the object is declared by its kind (what kubectl\'s strict field validation refuses)',
  'image-tag': 'every image has a pinned tag or digest, never "latest" or none',
  'image-built': 'every conflict-ledger/<name> image is one the image build produces (deploy/images/built.json): that name, the tag recorded there when it names a tag, the digest recorded there when it names a digest (in the overlays: must)',
  'probes': 'every container of a long-running workload has a livenessProbe and a readinessProbe',
  'resources': 'every container has cpu and memory requests and limits',
  'run-as-non-root': 'every container runs with runAsNonRoot: true (its own or the pod\'s) and not as uid 0',
  'read-only-root-fs': `every container has readOnlyRootFilesystem: true, unless the pod carries the annotation ${WRITABLE_ROOT_FS_ANNOTATION} with the reason`,
  'no-inline-secret': 'no Secret objects with values in this rendering (base and prod only reference Secrets)',
  'dangling-ref': 'in a self-contained rendering (dev), every ConfigMap and Secret a pod refers to (not marked optional) is in it, unless declared --external (created by the operator)',
};

const moduleCache = new Map();
async function schemaModule(apiVersion) {
  if (moduleCache.has(apiVersion)) return moduleCache.get(apiVersion);
  let mod = null;
  if (CRD_MODULES[apiVersion]) {
    mod = await import(CRD_MODULES[apiVersion]);
  } else if (BUILT_IN_API_VERSIONS.has(apiVersion)) {
    mod = require(`kubernetes-models/${apiVersion}`);
  }
  moduleCache.set(apiVersion, mod);
  return mod;
}

function describe(obj) {
  const ns = obj?.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj?.kind ?? '<no kind>'} ${ns}${obj?.metadata?.name ?? '<no name>'}`;
}

async function checkSchema(obj, fail) {
  if (!obj || typeof obj !== 'object' || !obj.apiVersion || !obj.kind) {
    fail('schema', 'the document has no apiVersion or kind');
    return;
  }
  const mod = await schemaModule(obj.apiVersion);
  const Model = mod?.[obj.kind];
  if (!Model || typeof Model !== 'function' || Model.apiVersion !== obj.apiVersion) {
    fail('schema-unknown', `no schema for ${obj.apiVersion} ${obj.kind}`);
    return;
  }
  const unknown = unknownFields(obj);
  if (unknown === null) fail('unknown-field', `no type declaration found for ${obj.apiVersion} ${obj.kind}`);
  else for (const path of unknown) fail('unknown-field', `${obj.apiVersion} ${obj.kind}: ${path} is not a field of this kind`);
  try {
    new Model(structuredClone(obj)).validate();
  } catch (e) {
    const errors = Array.isArray(e.errors) && e.errors.length
      ? e.errors.map(er => `${er.instancePath || '/'} ${er.message}${er.params?.allowedValues ? ` (${er.params.allowedValues.join(', ')})` : ''}`)
      : [String(e.message).replace(/\bdata\//g, '/')];
    for (const message of errors) fail('schema', `${obj.apiVersion} ${obj.kind}: ${message}`);
  }
}

function podOf(obj) {
  switch (obj?.kind) {
    case 'Pod': return { meta: obj.metadata ?? {}, spec: obj.spec ?? {} };
    case 'Deployment': case 'StatefulSet': case 'DaemonSet': case 'ReplicaSet': case 'Job':
      return { meta: obj.spec?.template?.metadata ?? {}, spec: obj.spec?.template?.spec ?? {} };
    case 'CronJob':
      return { meta: obj.spec?.jobTemplate?.spec?.template?.metadata ?? {}, spec: obj.spec?.jobTemplate?.spec?.template?.spec ?? {} };
    default: return null;
  }
}

function imageProblem(image) {
  if (typeof image !== 'string' || image.trim() === '') return 'has no image';
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return null;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return `image "${image}" has no tag`;
  const tag = lastSegment.slice(colon + 1);
  if (tag === '' ) return `image "${image}" has an empty tag`;
  if (tag === 'latest') return `image "${image}" uses the tag "latest"`;
  return null;
}

// Our images: any reference whose repository (registry host left out) is conflict-ledger/<name>.
const OUR_GROUP = 'conflict-ledger/';
function parseImage(image) {
  let rest = image, digest = null, tag = null;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const parts = rest.split('/');
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) parts.shift();
  return { repository: parts.join('/'), tag, digest };
}

function imageBuiltProblem(image, built) {
  if (!built || typeof image !== 'string') return null;
  const { repository, tag, digest } = parseImage(image);
  if (!repository.startsWith(OUR_GROUP)) return null;
  const entry = built.images.find(i => i.name === repository);
  if (!entry) {
    return `image "${image}" is not one the image build produces (${built.file}: ${built.images.map(i => i.name).join(', ')})`;
  }
  // A tag names what the build pushed only if it is the one the build gives (the project's version): with a digest
  // beside it a wrong tag would still mislead whoever reads the manifest.
  if (tag !== null && tag !== entry.tag) {
    return `image "${image}" names the tag "${tag}", which the image build does not produce: it tags ${repository} `
      + `"${entry.tag}" (the project's version; ${built.file})`;
  }
  if (digest && digest !== entry.digest) {
    return `image "${image}" names a digest other than the one the last image build recorded for ${repository} (${entry.digest}; ${built.file})`;
  }
  if (!digest && built.requireDigests) {
    return `image "${image}" names no digest: set the one the image build recorded (${entry.digest}); ./ledger images writes it`;
  }
  return null;
}

function hasRequestsAndLimits(resources) {
  const missing = [];
  for (const part of ['requests', 'limits']) {
    for (const name of ['cpu', 'memory']) {
      if (resources?.[part]?.[name] === undefined || resources?.[part]?.[name] === null || resources?.[part]?.[name] === '') {
        missing.push(`${part}.${name}`);
      }
    }
  }
  return missing;
}

function checkPolicies(obj, fail, built) {
  // Custom resources that run containers the operators build: what can be checked there.
  if (obj?.apiVersion === 'postgresql.cnpg.io/v1' && obj.kind === 'Cluster') {
    if (obj.spec?.imageName !== undefined) {
      const problem = imageProblem(obj.spec.imageName);
      if (problem) fail('image-tag', `spec.imageName: ${problem}`);
    }
    const missing = hasRequestsAndLimits(obj.spec?.resources);
    if (missing.length) fail('resources', `spec.resources lacks ${missing.join(', ')}`);
    return;
  }
  if (obj?.apiVersion?.startsWith('kafka.strimzi.io/') && obj.kind === 'KafkaNodePool') {
    const missing = hasRequestsAndLimits(obj.spec?.resources);
    if (missing.length) fail('resources', `spec.resources lacks ${missing.join(', ')}`);
    return;
  }
  if (obj?.apiVersion?.startsWith('kafka.strimzi.io/') && obj.kind === 'Kafka' && obj.spec?.kafka?.image !== undefined) {
    const problem = imageProblem(obj.spec.kafka.image);
    if (problem) fail('image-tag', `spec.kafka.image: ${problem}`);
  }
  const pod = podOf(obj);
  if (!pod) return;
  const podSecurity = pod.spec.securityContext ?? {};
  const annotations = { ...(obj.metadata?.annotations ?? {}), ...(pod.meta.annotations ?? {}) };
  const exception = String(annotations[WRITABLE_ROOT_FS_ANNOTATION] ?? '').trim();
  const groups = [
    ['container', pod.spec.containers ?? []],
    ['init container', pod.spec.initContainers ?? []],
    ['ephemeral container', pod.spec.ephemeralContainers ?? []],
  ];
  if ((pod.spec.containers ?? []).length === 0) fail('schema', 'the pod has no containers');
  for (const [what, containers] of groups) {
    for (const c of containers) {
      const where = `${what} "${c?.name ?? '?'}"`;
      // One failure per image: one without a pinned tag or digest is not also reported as a tag the build lacks.
      const problem = imageProblem(c?.image);
      const notBuilt = problem ? null : imageBuiltProblem(c?.image, built);
      if (problem) fail('image-tag', `${where}: ${problem}`);
      if (notBuilt) fail('image-built', `${where}: ${notBuilt}`);
      if (what === 'container' && LONG_RUNNING.has(obj.kind)) {
        if (!c.livenessProbe) fail('probes', `${where} has no livenessProbe`);
        if (!c.readinessProbe) fail('probes', `${where} has no readinessProbe`);
      }
      if (what !== 'ephemeral container') {
        const missing = hasRequestsAndLimits(c?.resources);
        if (missing.length) fail('resources', `${where} lacks resources ${missing.join(', ')}`);
      }
      const sc = c?.securityContext ?? {};
      const nonRoot = sc.runAsNonRoot ?? podSecurity.runAsNonRoot;
      const uid = sc.runAsUser ?? podSecurity.runAsUser;
      if (nonRoot !== true) fail('run-as-non-root', `${where} does not set runAsNonRoot: true (nor does its pod)`);
      else if (uid === 0) fail('run-as-non-root', `${where} runs as uid 0`);
      if (sc.readOnlyRootFilesystem !== true) {
        if (exception.length < 20) {
          fail('read-only-root-fs', `${where} has no readOnlyRootFilesystem: true and the pod has no `
            + `${WRITABLE_ROOT_FS_ANNOTATION} annotation giving the reason (20 characters or more)`);
        }
      }
    }
  }
}

function references(pod) {
  const refs = [];
  const all = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  for (const c of all) {
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef) refs.push(['ConfigMap', e.configMapRef.name, e.configMapRef.optional]);
      if (e.secretRef) refs.push(['Secret', e.secretRef.name, e.secretRef.optional]);
    }
    for (const e of c.env ?? []) {
      const from = e.valueFrom ?? {};
      if (from.configMapKeyRef) refs.push(['ConfigMap', from.configMapKeyRef.name, from.configMapKeyRef.optional]);
      if (from.secretKeyRef) refs.push(['Secret', from.secretKeyRef.name, from.secretKeyRef.optional]);
    }
  }
  for (const v of pod.spec.volumes ?? []) {
    if (v.configMap) refs.push(['ConfigMap', v.configMap.name, v.configMap.optional]);
    if (v.secret) refs.push(['Secret', v.secret.secretName, v.secret.optional]);
  }
  return refs;
}

async function checkFile(file, { noSecrets, selfContained, external = new Set(), built = null }) {
  const failures = [];
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const present = new Set(docs.map(d => d.toJS()).filter(o => o && o.kind)
    .map(o => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`));
  let count = 0;
  for (const doc of docs) {
    if (doc.errors?.length) {
      failures.push({ rule: 'schema', object: '<YAML>', message: doc.errors.map(e => e.message).join('; ') });
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    count++;
    const fail = (rule, message) => failures.push({ rule, object: describe(obj), message });
    await checkSchema(obj, fail);
    checkPolicies(obj, fail, built);
    const pod = selfContained ? podOf(obj) : null;
    for (const [kind, name, optional] of pod ? references(pod) : []) {
      if (optional !== true && !external.has(`${kind}/${name}`)
          && !present.has(`${kind}/${obj.metadata?.namespace ?? ''}/${name}`)) {
        fail('dangling-ref', `refers to ${kind} ${name}, which is not in this rendering`);
      }
    }
    if (noSecrets && obj.kind === 'Secret' && (obj.data || obj.stringData)) {
      fail('no-inline-secret', 'a Secret with values; reference it (secretKeyRef) and create it outside the repository');
    }
  }
  return { count, failures };
}

function printRules() {
  console.log('rules:');
  for (const [id, text] of Object.entries(RULES)) console.log(`  ${id.padEnd(18)} ${text}`);
}

function loadBuilt(argv) {
  const arg = argv.find(a => a.startsWith('--built='));
  if (!arg) return null;
  const file = arg.slice('--built='.length);
  let record;
  try {
    record = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the record of built images ${file} (./ledger images writes it): ${e.message}`);
  }
  if (!Array.isArray(record.images) || record.images.some(i => typeof i.name !== 'string'
      || typeof i.tag !== 'string' || i.tag === '' || !/^sha256:[0-9a-f]{64}$/.test(i.digest ?? ''))) {
    throw new Error(`${file}: "images" must list {name, tag, digest} with sha256 digests`);
  }
  return { images: record.images, file: relative(REPOSITORY, resolve(file)), requireDigests: argv.includes('--built-digests') };
}

async function main(argv) {
  const built = loadBuilt(argv);
  if (argv.includes('--self-test')) {
    const dir = argv[argv.indexOf('--self-test') + 1];
    let passed = 0, failed = 0;
    const seen = new Set();
    for (const name of readdirSync(dir).filter(n => n.endsWith('.yaml')).sort()) {
      const file = join(dir, name);
      const expect = /^# expect: *(\S+)/m.exec(readFileSync(file, 'utf8'))?.[1];
      if (!expect) { console.log(`FAIL self-test ${name}: no "# expect: <rule|pass>" line`); failed++; continue; }
      const text = readFileSync(file, 'utf8');
      const external = new Set((/^# external: *(.+)$/m.exec(text)?.[1] ?? '').split(/[ ,]+/).filter(Boolean));
      // "# built-digests": checked as the overlays are, where each of our images must name the recorded digest.
      const fixtureBuilt = built && /^# built-digests\s*$/m.test(text) ? { ...built, requireDigests: true } : built;
      const { failures } = await checkFile(file, { noSecrets: !/^# self-contained/m.test(text), selfContained: true, external, built: fixtureBuilt });
      const rules = [...new Set(failures.map(f => f.rule))];
      let ok;
      if (expect === 'pass') ok = failures.length === 0;
      else ok = rules.length === 1 && rules[0] === expect;
      seen.add(expect);
      if (ok) {
        passed++;
        const first = failures[0];
        console.log(`ok   self-test ${name}: ${expect === 'pass' ? 'passes' : `caught by ${expect} (${first.object}: ${first.message})`}`);
      } else {
        failed++;
        console.log(`FAIL self-test ${name}: expected ${expect === 'pass' ? 'no failure' : `only rule ${expect} to fail`}, got ${rules.length ? rules.join(', ') : 'no failure'}`);
        for (const f of failures) console.log(`       [${f.rule}] ${f.object}: ${f.message}`);
      }
    }
    for (const id of Object.keys(RULES)) {
      if (!seen.has(id)) { failed++; console.log(`FAIL self-test: no fixture proves that rule ${id} catches a bad manifest`); }
    }
    console.log(`self-test: ${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  }
  const noSecrets = argv.includes('--no-secrets');
  const selfContained = argv.includes('--self-contained');
  const external = new Set(argv.filter(a => a.startsWith('--external=')).map(a => a.slice('--external='.length)));
  const targets = argv.filter(a => !a.startsWith('--'));
  for (const ref of external) console.log(`note external: ${ref} is not in the rendering; the operator creates it (deploy/README.md)`);
  let total = 0;
  for (const target of targets) {
    const [name, file] = target.includes('=') ? target.split(/=(.*)/s) : [basename(target), target];
    const { count, failures } = await checkFile(file, { noSecrets, selfContained, external, built });
    if (failures.length === 0) {
      console.log(`ok   ${name}: ${count} objects pass the schema and policy checks`);
    } else {
      for (const f of failures) console.log(`FAIL ${name}: [${f.rule}] ${f.object}: ${f.message}`);
      total += failures.length;
    }
  }
  if (total > 0) { printRules(); return 1; }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
