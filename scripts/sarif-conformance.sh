#!/usr/bin/env bash
# Validates the SARIF of real scans (testdata/, and the shared corpus) against the official SARIF
# 2.1.0 schema in ../shared/schemas, with a maintained JSON-schema validator. Skips when ../shared
# is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
skip_unless_present "$shared/schemas/sarif-schema-2.1.0.json" "SARIF schema"
schema=$(cd "$shared/schemas" && pwd)/sarif-schema-2.1.0.json
ensure_jar
cd "$root"
./mvnw -q -B -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin/trailwatch scan -q --strict -f sarif -o "$tmp/testdata.sarif" testdata 2>/dev/null || true
if [ -d "$shared/corpus" ]; then
  (cd "$shared/corpus" && "$root/bin/trailwatch" scan -q -f sarif -o "$tmp/corpus.sarif" .) 2>/dev/null || true
fi
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.trailwatch.report.SarifSchemaCheck "$schema" "$tmp"/*.sarif 2> >(grep -v "^SLF4J" >&2)
