// Parses HCL files (Terraform, tfvars, .tflint.hcl) with HashiCorp's own parser, compiled to
// WebAssembly in @cdktf/hcl2json, for the Java tests in dev.shop.repochecks.terraform.
// Usage: node hcl2json.js FILE...
// Prints {"files": {path: body as JSON}, "errors": {path: "file:line,col: message"}};
// exits 0 even when files have syntax errors (the caller reports them), 2 on usage errors.
'use strict';

const fs = require('fs');
const { parse } = require('@cdktf/hcl2json');

async function main(paths) {
  if (paths.length === 0) {
    process.stderr.write('usage: node hcl2json.js FILE...\n');
    return 2;
  }
  const result = { files: {}, errors: {} };
  // One at a time: the WebAssembly bridge is a single Go runtime.
  for (const path of paths) {
    try {
      result.files[path] = await parse(path, fs.readFileSync(path, 'utf8'));
    } catch (error) {
      result.errors[path] = String(error.message || error);
    }
  }
  process.stdout.write(JSON.stringify(result));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`${error.stack || error}\n`); process.exitCode = 3; },
);
