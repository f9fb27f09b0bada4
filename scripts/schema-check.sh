#!/usr/bin/env bash
# Validates action.yml, .github/workflows/*.yml, .pre-commit-hooks.yaml, and the README's
# .pre-commit-config.yaml and workflow examples against SchemaStore's JSON schemas in
# ../shared/schemas, with the json-schema-validator of the test classpath. Skips when ../shared is
# missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
skip_unless_present "$shared/schemas/github-action.json" "SchemaStore schemas"
schemas=$(cd "$shared/schemas" && pwd)
cd "$root"
./mvnw -q -B -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The README's YAML examples, each a fenced block whose first line names its file.
awk -v dir="$tmp" '
  /^```yaml$/ { inblock = 1; name = ""; next }
  inblock && /^```$/ { inblock = 0; next }
  inblock && name == "" { if ($0 ~ /^# \.github\/workflows\//) name = "workflow"; else if ($0 ~ /^# \.pre-commit-config\.yaml/) name = "pre-commit-config"; else name = "-"; n[name]++; file = dir "/" name "-" n[name] ".yaml" }
  inblock && name != "-" { print > file }
' README.md

pairs=(github-action.json=action.yml pre-commit-hooks.json=.pre-commit-hooks.yaml)
for f in .github/workflows/*.yml "$tmp"/workflow-*.yaml; do
  [ -f "$f" ] && pairs+=("github-workflow.json=$f")
done
for f in "$tmp"/pre-commit-config-*.yaml; do
  [ -f "$f" ] && pairs+=("pre-commit-config.json=$f")
done
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.trailwatch.testing.SchemaStoreCheck "$schemas" "${pairs[@]}" 2> >(grep -v "^SLF4J" >&2)
