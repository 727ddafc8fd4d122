// Writes the facts of one pinned registry module, read from its upstream source at the release
// tag: input names, types and whether each is required, and the module's own required_version
// and provider constraints. The Java rule ModuleInputRules holds every call in infra-terraform
// against these files (infra-terraform/.module-facts/README.md has the commands).
// Usage: node module-facts.js GIT_DIR SOURCE VERSION
//   GIT_DIR  a clone of the module's GitHub repository (bare is fine), holding tag vVERSION
//   SOURCE   the registry source as infra-terraform writes it, e.g. terraform-aws-modules/vpc/aws
//            or terraform-aws-modules/vpc/aws//modules/vpc-endpoints
// Prints the facts as JSON; exits 2 on usage errors, 3 when git or the parser fails.
'use strict';

const { execFileSync } = require('child_process');
const { parse } = require('@cdktf/hcl2json');

const SOURCE = /^([a-z0-9-]+)\/([a-z0-9-]+)\/([a-z0-9]+)(?:\/\/(.+))?$/;

function git(gitDir, ...args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** "${list(string)}" -> "list(string)", with the whitespace of multi-line types collapsed. */
function expressionText(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const unwrapped = text.startsWith('${') && text.endsWith('}') ? text.slice(2, -1) : text;
  return unwrapped.replace(/\s+/g, ' ').trim();
}

async function facts(gitDir, source, version) {
  const match = SOURCE.exec(source);
  if (!match) {
    throw new UsageError(`not a registry source: ${source}`);
  }
  const [, namespace, name, provider, subdir] = match;
  const tag = `v${version}`;
  const commit = git(gitDir, 'rev-parse', '--verify', `${tag}^{commit}`).trim();
  const dir = subdir ? `${subdir}/` : '';
  const files = git(gitDir, 'ls-tree', '--name-only', tag, dir || '.')
    .split('\n')
    .map((path) => path.trim())
    .filter((path) => path.endsWith('.tf'));

  const inputs = {};
  let requiredVersion = null;
  const requiredProviders = {};
  for (const path of files) {
    const body = await parse(path, git(gitDir, 'show', `${tag}:${path}`));
    for (const [variable, blocks] of Object.entries(body.variable || {})) {
      const block = blocks[0];
      inputs[variable] = {
        type: 'type' in block ? expressionText(block.type) : 'any',
        required: !('default' in block),
      };
    }
    for (const terraform of body.terraform || []) {
      if (terraform.required_version) {
        requiredVersion = terraform.required_version;
      }
      for (const providers of terraform.required_providers || []) {
        for (const [providerName, requirement] of Object.entries(providers)) {
          requiredProviders[providerName] = typeof requirement === 'string' ? requirement : requirement.version || null;
        }
      }
    }
  }
  const repository = `github.com/${namespace}/terraform-${provider}-${name}`;
  return {
    source,
    version,
    upstream: { repository, tag, commit, path: subdir || '.' },
    regenerate: `node ops/repo-checks/src/test/node/module-facts.js <clone of https://${repository}> ${source} ${version}`,
    required_version: requiredVersion,
    required_providers: sorted(requiredProviders),
    inputs: sorted(inputs),
  };
}

function sorted(object) {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}

class UsageError extends Error {}

async function main(args) {
  if (args.length !== 3) {
    process.stderr.write('usage: node module-facts.js GIT_DIR SOURCE VERSION\n');
    return 2;
  }
  try {
    const result = await facts(args[0], args[1], args[2]);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`module-facts: ${error.message.split('\n')[0]}\n`);
    return error instanceof UsageError ? 2 : 3;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
