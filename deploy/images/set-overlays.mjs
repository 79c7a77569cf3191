// Called by deploy/images/build: writes the record of what the build produced (deploy/images/built.json), points
// each overlay's Kustomize `images:` at those images by digest (the registry in newName stays the overlay's), and
// sets the tag of the base manifests' images to the one the build gave them (the project's version), so that
// deploy/check, which holds the manifests to the record, passes after a build.
//
//   node set-overlays.mjs --images IMAGES.json --base DIGEST --base-packages PACKAGES.tsv --record built.json
//                         [--commit SHA --dirty true|false] [--base-manifests DIR] KUSTOMIZATION...
//
// IMAGES.json: [{module, name, tag, digest}], as the build writes it. --commit, --dirty: the tree the images were
// built from (git rev-parse HEAD; uncommitted changes outside deploy/k8s and built.json), recorded so that a record
// older than the code is visible; empty when unknown. --base-manifests: a folder of manifests (deploy/k8s/base) in
// which each of our images named by a tag (not by a digest) gets the built tag. Comments and the order of the
// kustomization files are kept (the yaml package of deploy/check-tools, which deploy/check installs); the base
// manifests are changed only in the tag of those image lines.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const require = createRequire(new URL('../check-tools/package.json', import.meta.url));
const YAML = require('yaml');

function option(name, { required = true } = {}) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) {
    if (required) throw new Error(`missing ${name}`);
    return null;
  }
  return process.argv[i + 1];
}
const images = JSON.parse(readFileSync(option('--images'), 'utf8'));
const baseDigest = option('--base');
const packages = readFileSync(option('--base-packages'), 'utf8').split('\n').filter(Boolean).length;
const recordFile = option('--record');
const commit = option('--commit', { required: false }) || null;
const dirtyArg = option('--dirty', { required: false });
const dirty = dirtyArg === 'true' ? true : dirtyArg === 'false' ? false : null;
if (commit !== null && !/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`--commit ${commit}: not a commit id`);
const baseManifests = option('--base-manifests', { required: false });
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));

const record = {
  comment: 'Written by deploy/images/build (./ledger images): the images the build produces (name; tag: the project\'s '
    + 'version) and the digests of its last run, and the tree it built: commit (git rev-parse HEAD) and dirty '
    + '(uncommitted changes outside deploy/k8s and this file; null: unknown). The service digests change with every '
    + 'build (the jars are not byte-for-byte reproducible), so these are the digests of the last recorded run. '
    + 'deploy/check refuses a manifest that names a conflict-ledger image not listed here, or a tag or digest other '
    + 'than the one listed. Commit it together with the manifests the same run rewrote.',
  commit,
  dirty,
  base: { name: 'conflict-ledger/base-jre17', tag: '17-bookworm', digest: baseDigest, debianPackages: packages,
    pinned: 'deploy/images/base-packages.pinned' },
  images: images.map(i => ({ name: i.name, tag: i.tag, digest: i.digest })),
};
writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
console.log(`   wrote ${relative(process.cwd(), recordFile)} (built from ${commit ?? 'an unknown commit'}`
  + `${dirty === true ? ', with uncommitted changes' : dirty === false ? ', clean' : ''})`);

for (const file of files) {
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
  let list = doc.get('images');
  if (!list) { list = doc.createNode([]); doc.set('images', list); }
  for (const image of images) {
    let entry = list.items.find(item => item.get('name') === image.name);
    if (!entry) {
      entry = doc.createNode({ name: image.name, newName: image.name });
      list.items.push(entry);
    }
    entry.delete('newTag');
    entry.set('digest', image.digest);
    console.log(`   ${relative(process.cwd(), file)}: ${entry.get('newName') ?? image.name}@${image.digest}`);
  }
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

// The base manifests name our images by tag (`image: conflict-ledger/<module>:<tag>`, optionally with a registry in
// front); a tag other than the built one (after a version change) is set to it, line by line, nothing else touched.
function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory()
    ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}
if (baseManifests) {
  const tags = new Map(images.map(i => [i.name, i.tag]));
  const line = /^(\s*(?:-\s+)?image:\s*["']?(?:[^\s"'@/]+\/)*?)(conflict-ledger\/[a-z0-9._-]+):([\w][\w.-]{0,127})(["']?\s*(?:#.*)?)$/;
  let changed = 0;
  for (const file of yamlFiles(baseManifests).sort()) {
    const before = readFileSync(file, 'utf8');
    const after = before.split('\n').map(text => {
      const m = line.exec(text);
      if (!m || !tags.has(m[2]) || m[3] === tags.get(m[2])) return text;
      changed++;
      console.log(`   ${relative(process.cwd(), file)}: ${m[2]}:${m[3]} -> ${m[2]}:${tags.get(m[2])}`);
      return `${m[1]}${m[2]}:${tags.get(m[2])}${m[4]}`;
    }).join('\n');
    if (after !== before) writeFileSync(file, after);
  }
  if (changed === 0) console.log(`   ${relative(process.cwd(), baseManifests)}: the images already carry the built tags`);
}
