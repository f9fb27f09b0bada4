#!/usr/bin/env bash
# Builds the VS Code extension (editors/vscode: TypeScript, vscode-languageclient) and packages it
# with @vscode/vsce into target/trailwatch-vscode.vsix; checks that the package holds the compiled
# extension and the language client. Needs node and npm (the npm registry, or its cache).
# Exit 0 when the .vsix is built and complete, 1 otherwise; SKIP when node or npm is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root/editors/vscode"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node and npm are needed to build the VS Code extension"
  exit 0
fi
mkdir -p "$root/target"
cp "$root/LICENSE" LICENSE # vsce wants the licence beside the manifest; the repository's is the one
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund >&2; else npm install --no-audit --no-fund >&2; fi
npm run --silent compile >&2
rm -f "$root/target/trailwatch-vscode.vsix"
npx --no-install vsce package --out "$root/target/trailwatch-vscode.vsix" >&2

vsix="$root/target/trailwatch-vscode.vsix"
status=0
listing=$(unzip -l "$vsix")
for entry in extension/package.json extension/out/extension.js \
    extension/node_modules/vscode-languageclient/package.json extension/LICENSE.txt; do
  if ! grep -q " $entry\$" <<<"$listing"; then
    echo "vscode-package: $entry is missing from the .vsix"
    status=1
  fi
done
if grep -q " extension/src/" <<<"$listing"; then
  echo "vscode-package: the TypeScript sources went into the .vsix"
  status=1
fi
[ $status -eq 0 ] && echo "vscode-package: $vsix ($(wc -c <"$vsix") bytes)"
exit $status
