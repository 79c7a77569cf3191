// Unknown-field detection, which the JSON schemas of the model packages do not do.
//
// The same packages ship TypeScript declarations (.d.ts) generated from the same upstream
// definitions as their schemas: one interface per Kubernetes type, and for the CRDs one
// interface per kind with the nested types inline. This module reads them with the TypeScript
// compiler's parser and reports every field of a manifest that the declared type does not have.
// Open types stay open: an index signature ({ [key: string]: T }, e.g. labels) and `{}` (a CRD's
// x-kubernetes-preserve-unknown-fields, e.g. a KafkaTopic's config) accept any key.
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const files = new Map();   // path -> { source, decls: Map<name, node>, imports: Map<name, {from, name}>, exportAlias: Map<alias, local> }

function parse(path) {
  if (files.has(path)) return files.get(path);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const info = { path, decls: new Map(), imports: new Map(), exportAlias: new Map() };
  for (const st of source.statements) {
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) {
      info.decls.set(st.name.text, st);
    } else if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      for (const el of st.importClause.namedBindings.elements) {
        info.imports.set(el.name.text, { from: st.moduleSpecifier.text, name: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (el.propertyName) info.exportAlias.set(el.name.text, el.propertyName.text);
      }
    }
  }
  files.set(path, info);
  return info;
}

function resolveModule(fromFile, spec) {
  if (spec.startsWith('.')) return resolve(dirname(fromFile), spec) + '.d.ts';
  // A package path: look for node_modules/<package> upwards from the importing file (packages
  // may nest their own versions of @kubernetes-models/apimachinery).
  const parts = spec.split('/');
  const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const rest = parts.slice(spec.startsWith('@') ? 2 : 1).join('/');
  let dir = dirname(fromFile);
  for (;;) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(candidate)) return rest ? join(candidate, rest) + '.d.ts' : join(candidate, 'index.d.ts');
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

// Finds the declaration named `name` as seen from file `info`: local, aliased export, or import.
function lookup(info, name, depth = 0) {
  if (depth > 20) return null;
  if (info.decls.has(name)) return { info, node: info.decls.get(name) };
  if (info.exportAlias.has(name)) return lookup(info, info.exportAlias.get(name), depth + 1);
  const imp = info.imports.get(name);
  if (imp) {
    const path = resolveModule(info.path, imp.from);
    if (!path || !existsSync(path)) return null;
    return lookup(parse(path), imp.name, depth + 1);
  }
  return null;
}

const ANY = { kind: 'any' };

// A shape: { kind: 'any' } | { kind: 'object', props: Map<name, () => shape>, index: shape|null }
//        | { kind: 'array', item: shape } | { kind: 'union', members: shape[] }
const shapeCache = new Map();
function shapeOfDecl(info, node) {
  const key = `${info.path}#${node.name.text}`;
  if (shapeCache.has(key)) return shapeCache.get(key);
  const placeholder = { kind: 'object', props: new Map(), index: null };
  shapeCache.set(key, placeholder);
  let shape;
  if (ts.isInterfaceDeclaration(node)) {
    shape = membersShape(info, node.members);
    for (const clause of node.heritageClauses ?? []) {
      for (const t of clause.types) {
        // A base interface adds its members (TypeMeta's apiVersion and kind, which every kind
        // declares again anyway); one that cannot be found adds nothing.
        const base = ts.isIdentifier(t.expression) ? lookup(info, t.expression.text) : null;
        const baseShape = base ? shapeOfDecl(base.info, base.node) : null;
        if (baseShape?.kind === 'object') {
          for (const [k, v] of baseShape.props) if (!shape.props.has(k)) shape.props.set(k, v);
          shape.index = shape.index ?? baseShape.index;
        } else if (baseShape) {
          shape = ANY;
          break;
        }
      }
    }
  } else {
    shape = shapeOfType(info, node.type);
  }
  Object.assign(placeholder, shape);
  if (shape.kind !== 'object') { placeholder.props = undefined; placeholder.index = undefined; }
  return placeholder;
}

function membersShape(info, members) {
  const props = new Map();
  let index = null;
  for (const m of members) {
    if (ts.isPropertySignature(m) && m.name) {
      const name = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : null;
      if (name !== null) {
        const typeNode = m.type;
        props.set(name, () => (typeNode ? shapeOfType(info, typeNode) : ANY));
      }
    } else if (ts.isIndexSignatureDeclaration(m)) {
      index = m.type ? shapeOfType(info, m.type) : ANY;
    }
  }
  return { kind: 'object', props, index };
}

function shapeOfType(info, node) {
  switch (node.kind) {
    case ts.SyntaxKind.TypeLiteral: {
      // `{}` is an open object (preserve-unknown-fields); anything else lists its members.
      if (node.members.length === 0) return ANY;
      return membersShape(info, node.members);
    }
    case ts.SyntaxKind.ArrayType:
      return { kind: 'array', item: shapeOfType(info, node.elementType) };
    case ts.SyntaxKind.ParenthesizedType:
      return shapeOfType(info, node.type);
    case ts.SyntaxKind.UnionType: {
      const members = node.types.map(t => shapeOfType(info, t)).filter(s => s.kind !== 'any' || true);
      return { kind: 'union', members };
    }
    case ts.SyntaxKind.TypeReference: {
      const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
      if ((name === 'Array' || name === 'ReadonlyArray') && node.typeArguments?.length === 1) {
        return { kind: 'array', item: shapeOfType(info, node.typeArguments[0]) };
      }
      if (name === 'Record' && node.typeArguments?.length === 2) {
        return { kind: 'object', props: new Map(), index: shapeOfType(info, node.typeArguments[1]) };
      }
      const found = lookup(info, name);
      return found ? shapeOfDecl(found.info, found.node) : ANY;
    }
    default:
      // string, number, boolean, literals, any, unknown, indexed access types, ...: no fields to check.
      return ANY;
  }
}

function objectMembers(shape) {
  // The object shapes a value may take (a union of objects accepts the fields of any of them).
  if (!shape) return [];
  if (shape.kind === 'object') return [shape];
  if (shape.kind === 'union') return shape.members.flatMap(objectMembers);
  return [];
}

function walk(value, shape, path, report) {
  if (!shape || shape.kind === 'any' || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const arrays = shape.kind === 'array' ? [shape] : shape.kind === 'union' ? shape.members.filter(m => m.kind === 'array') : [];
    if (arrays.length === 1) value.forEach((v, i) => walk(v, arrays[0].item, `${path}/${i}`, report));
    return;
  }
  if (typeof value !== 'object') return;
  const objects = objectMembers(shape);
  if (objects.length === 0) return;
  if (shape.kind === 'union' && shape.members.some(m => m.kind === 'any')) return;
  for (const [key, child] of Object.entries(value)) {
    const holders = objects.filter(o => o.props.has(key));
    if (holders.length > 0) {
      walk(child, holders.length === 1 ? holders[0].props.get(key)() : { kind: 'union', members: holders.map(h => h.props.get(key)()) }, `${path}/${key}`, report);
    } else {
      const indexed = objects.find(o => o.index);
      if (indexed) walk(child, indexed.index, `${path}/${key}`, report);
      else report(`${path}/${key}`);
    }
  }
}

const DECLARATIONS = {
  'kafka.strimzi.io/': (apiVersion, kind) => `@kubernetes-models/strimzi-kafka-operator/${apiVersion}/${kind}`,
  'postgresql.cnpg.io/': (apiVersion, kind) => `@kubernetes-models/cloudnative-pg/${apiVersion}/${kind}`,
};

function declarationFile(apiVersion, kind) {
  const prefix = Object.keys(DECLARATIONS).find(p => apiVersion.startsWith(p));
  const spec = prefix ? DECLARATIONS[prefix](apiVersion, kind) : `kubernetes-models/${apiVersion}/${kind}`;
  return resolveModule(join(dirname(new URL(import.meta.url).pathname), 'x.mjs'), spec);
}

/** The paths of the fields of `obj` that its kind does not declare; null when no declaration is found. */
export function unknownFields(obj) {
  const path = declarationFile(obj.apiVersion, obj.kind);
  if (!path || !existsSync(path)) return null;
  const info = parse(path);
  const found = lookup(info, `I${obj.kind}`);
  if (!found) return null;
  const unknown = [];
  walk(obj, shapeOfDecl(found.info, found.node), '', p => unknown.push(p));
  return unknown;
}
