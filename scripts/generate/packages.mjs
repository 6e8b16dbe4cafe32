// SPDX-License-Identifier: MIT
// Reads MedCom's FHIR IG packages (npm-style .tgz files) without unpacking them to disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every JSON file under `package/` of a .tgz, as `{ name: parsed }`. */
export function readTgz(path) {
  const tar = gunzipSync(readFileSync(path));
  const files = {};
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const fullName = prefix ? `${prefix}/${name}` : name;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (fullName.startsWith('package/') && fullName.endsWith('.json') && !fullName.includes('/other/')) {
      files[fullName.slice('package/'.length)] = JSON.parse(body.toString('utf8'));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** `{ 'medcom.fhir.dk.core': { '2.0.0': path } }` for the .tgz files in a folder. */
export function indexPackages(dir) {
  const index = {};
  for (const file of readdirSync(dir).sort()) {
    const match = /^(.+)-(\d+\.\d+\.\d+(?:-[\w.-]+)?)\.tgz$/.exec(file);
    if (!match) continue;
    (index[match[1]] ??= {})[match[2]] = join(dir, file);
  }
  return index;
}

/**
 * The packages a standard is validated against: the standard itself, then what it pins, then what those pin,
 * breadth-first; the first version met of a package wins (the standard's own pins override its
 * dependencies' pins), and versions not in the folder are skipped.
 */
export function packageSet(index, name, version) {
  const chosen = new Map();
  const queue = [[name, version]];
  while (queue.length > 0) {
    const [pkg, ver] = queue.shift();
    if (chosen.has(pkg) || !index[pkg]?.[ver]) continue;
    const files = readTgz(index[pkg][ver]);
    chosen.set(pkg, { name: pkg, version: ver, files });
    const deps = files['package.json']?.dependencies ?? {};
    for (const [dep, depVersion] of Object.entries(deps)) {
      if (dep.startsWith('medcom.fhir.dk.')) queue.push([dep, depVersion]);
    }
  }
  return [...chosen.values()];
}
