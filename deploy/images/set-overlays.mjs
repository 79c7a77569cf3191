// Called by deploy/images/build: writes the record of what the build produced (deploy/images/built.json) and points
// each overlay's Kustomize `images:` at those images by digest (the registry in newName stays the overlay's).
//
//   node set-overlays.mjs --images IMAGES.json --base DIGEST --base-packages PACKAGES.tsv --record built.json KUSTOMIZATION...
//
// IMAGES.json: [{module, name, tag, digest}], as the build writes it. Comments and the order of the kustomization
// files are kept (the yaml package of deploy/check-tools, which deploy/check installs).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const require = createRequire(new URL('../check-tools/package.json', import.meta.url));
const YAML = require('yaml');

function option(name) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) throw new Error(`missing ${name}`);
  return process.argv[i + 1];
}
const images = JSON.parse(readFileSync(option('--images'), 'utf8'));
const baseDigest = option('--base');
const packages = readFileSync(option('--base-packages'), 'utf8').split('\n').filter(Boolean).length;
const recordFile = option('--record');
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));

const record = {
  comment: 'Written by deploy/images/build (./ledger images): the images the build produces and the digests of its '
    + 'last run. deploy/check refuses a manifest that names a conflict-ledger image not listed here, or a digest '
    + 'other than the one listed. Commit it together with the overlays the same run rewrote.',
  base: { name: 'conflict-ledger/base-jre17', tag: '17-bookworm', digest: baseDigest, debianPackages: packages,
    pinned: 'deploy/images/base-packages.pinned' },
  images: images.map(i => ({ name: i.name, tag: i.tag, digest: i.digest })),
};
writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
console.log(`   wrote ${relative(process.cwd(), recordFile)}`);

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
