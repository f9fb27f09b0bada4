#!/usr/bin/env bash
# JMH benchmark of the HCL parser on ../shared/corpus/terraform: MB/s and files/s on one thread
# after warm-up (HclParseBenchmark). Skips when the corpus is missing, fails when it is empty, and
# exits 1 when the target (12 MB/s per thread) is missed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
skip_unless_present "$shared/corpus/terraform" "Terraform corpus"
corpus=$(cd "$shared/corpus/terraform" && pwd)
fail_if_empty "$corpus" "the Terraform corpus"
cd "$root"
./mvnw -q -B -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(java -version 2>&1 | head -1)"
echo "command: scripts/bench-hcl.sh (java -cp target/test-classes:target/classes:<test classpath> dev.trailwatch.bench.HclParseBenchmarkMain $corpus)"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.trailwatch.bench.HclParseBenchmarkMain "$corpus" 2>&1 | tee "$out" \
  | grep -vE '^# (Warmup|Measurement|Timeout|Threads|Benchmark mode|Benchmark:|Parameters|VM |JMH|JDK|Blackhole|Run progress|Fork)'
if ! grep -q '^target: .*: MEETS' "$out"; then
  echo "target missed (or no verdict printed)"
  exit 1
fi
