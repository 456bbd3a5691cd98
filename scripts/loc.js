#!/usr/bin/env node
// Prints lines of code per folder (src/*, test, bench, web, docs), so growth shows up in review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'build', 'fixtures', 'results']);
const EXTENSIONS = ['.ts', '.mjs', '.js', '.py', '.md', '.html', '.css'];

function count(dir) {
  let lines = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const sub = count(path);
      lines += sub.lines;
      files += sub.files;
    } else if (EXTENSIONS.some((ext) => name.endsWith(ext))) {
      lines += readFileSync(path, 'utf8').split('\n').length;
      files += 1;
    }
  }
  return { lines, files };
}

const folders = [...readdirSync('src').filter((d) => statSync(join('src', d)).isDirectory()).map((d) => join('src', d)), 'test', 'bench', 'web', 'docs'];
console.log('lines per folder');
for (const folder of folders) {
  try {
    const { lines, files } = count(folder);
    console.log(`${folder.padEnd(16)} ${String(lines).padStart(7)} lines in ${files} files`);
  } catch {
    // a folder that does not exist has no lines
  }
}
