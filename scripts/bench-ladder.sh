# Sourced by scripts/bench.sh (uses its tw, tmp, shared, root, gnu_time, check and missed):
#   (c) the CloudFormation corpus copied 16 times: -j 1 against -j 2;
#   (d) the size ladder: for each kind of input and each of LADDER_SIZES (MB), LADDER_RUNS timed
#       runs; time per MB at the top size against the bottom one; HashiCorp's Go parser on the
#       same .tf files when Go is there (installed with apt when missing and allowed);
#   (e) one YAML template whose single string is 16 MB.
# LADDER_KINDS chooses the kinds of input (default "tf-corpus tf-trails cfn-json cfn-yaml").
# Inputs are written under $tmp at bench time by scripts/bench-inputs.py, and removed with it.

ladder_runs=${LADDER_RUNS:-3}
ladder_sizes=${LADDER_SIZES:-"1 5 20"}
bench_timeout=${BENCH_TIMEOUT:-300}
inputs="$root/scripts/bench-inputs.py"
ladder="$tmp/ladder"
mkdir -p "$ladder"
read -r -a sizes <<<"$ladder_sizes"
bottom=${sizes[0]}
top=${sizes[${#sizes[@]}-1]}

# timed LABEL CMD...: one run under GNU time and timeout; appends "wall_s rss_kb exit cpu_s" to
# $tmp/LABEL.tsv (cpu: user + system, which a shared machine disturbs less than wall time). A run
# killed at BENCH_TIMEOUT is written with that time and exit 124.
timed() {
  local label=$1 rc=0 wall rss user sys
  shift
  "$gnu_time" -f '%e %M %U %S' -o "$tmp/time.txt" timeout "$bench_timeout" "$@" >/dev/null 2>"$tmp/stderr.txt" || rc=$?
  read -r wall rss user sys < <(tail -n 1 "$tmp/time.txt")
  [ "$rc" -eq 124 ] && wall=$bench_timeout
  echo "$wall $rss $rc $(python3 -c "print(round($user + $sys, 2))")" >>"$tmp/$label.tsv"
}

# median_of LABEL: "median_wall_s max_rss_mb worst_exit median_cpu_s" of $tmp/LABEL.tsv
median_of() {
  python3 - "$tmp/$1.tsv" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
walls = [float(r[0]) for r in rows]
codes = [int(r[2]) for r in rows]
bad = [c for c in codes if c not in (0, 1)]
cpu = statistics.median(float(r[3]) for r in rows)
print(f"{statistics.median(walls):.2f} {max(int(r[1]) for r in rows) / 1024:.0f} {bad[0] if bad else max(codes)} {cpu:.2f}")
PY
}

# ---- the Go reference: hclsyntax.ParseConfig, parse only ----
hclparse=
setup_go() {
  if [ "${BENCH_GO:-1}" = 0 ]; then
    echo "Go reference: skipped (BENCH_GO=0)"
    return
  fi
  local hcl_src=/usr/share/gocode/src/github.com/hashicorp/hcl/v2
  if ! command -v go >/dev/null || [ ! -d "$hcl_src" ]; then
    local apt=()
    if [ "$(id -u)" = 0 ]; then apt=(apt-get); elif sudo -n true 2>/dev/null; then apt=(sudo apt-get); fi
    if [ ${#apt[@]} -gt 0 ] && command -v apt-get >/dev/null; then
      echo "Go reference: installing golang-go and golang-github-hashicorp-hcl-v2-dev with apt (a reference only)"
      DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q golang-go golang-github-hashicorp-hcl-v2-dev >"$tmp/apt.txt" 2>&1 \
        || { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -q >>"$tmp/apt.txt" 2>&1 \
          && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q golang-go golang-github-hashicorp-hcl-v2-dev \
            >>"$tmp/apt.txt" 2>&1; } || true
    fi
  fi
  if ! command -v go >/dev/null || [ ! -d "$hcl_src" ]; then
    echo "Go reference: SKIP (go or $hcl_src missing, and apt could not install them)"
    return
  fi
  mkdir -p "$tmp/hclparse"
  cat >"$tmp/hclparse/main.go" <<'GO'
// Parses one native-syntax HCL file with HashiCorp's hclsyntax, as trailwatch's benchmark reference.
package main

import (
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	_, diags := hclsyntax.ParseConfig(src, os.Args[1], hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		fmt.Fprintln(os.Stderr, diags.Error())
		os.Exit(1)
	}
}
GO
  if (cd "$tmp/hclparse" && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go build -o hclparse . \
      >"$tmp/go-build.txt" 2>&1); then
    hclparse="$tmp/hclparse/hclparse"
    echo "Go reference: $(go version), hcl v2 from $(dpkg-query -W -f '${Version}' golang-github-hashicorp-hcl-v2-dev 2>/dev/null || echo "$hcl_src")"
  else
    echo "Go reference: SKIP (build failed: $(head -n 3 "$tmp/go-build.txt" | tr '\n' ' '))"
  fi
}

# ---- (c) -j 1 against -j 2 on the corpus x16 ----
if [ "${BENCH_JOBS:-1}" = 0 ]; then
  echo "(c) SKIP: BENCH_JOBS=0"
  echo
elif [ -d "$shared/corpus/cloudformation" ]; then
  fail_if_empty "$shared/corpus/cloudformation" "the CloudFormation corpus"
  echo "(c) CloudFormation corpus x16, -j 1 against -j 2 ($ladder_runs runs each, alternating)"
  for i in $(seq 1 16); do
    cp -r "$shared/corpus/cloudformation" "$ladder/x16-$i"
  done
  mkdir -p "$ladder/x16" && mv "$ladder"/x16-* "$ladder/x16/"
  echo "  input: $(find "$ladder/x16" -type f | wc -l) files, $(du -sm "$ladder/x16" | cut -f1) MB"
  echo "  command: $gnu_time -f '%e %M' $tw scan -q -j N $ladder/x16"
  : >"$tmp/j1.tsv"
  : >"$tmp/j2.tsv"
  for ((r = 1; r <= ladder_runs; r++)); do
    timed j1 "$tw" scan -q -j 1 "$ladder/x16"
    timed j2 "$tw" scan -q -j 2 "$ladder/x16"
  done
  read -r j1 j1rss j1rc j1cpu < <(median_of j1)
  read -r j2 j2rss j2rc j2cpu < <(median_of j2)
  check python3 - "$j1" "$j2" "$j1rss" "$j2rss" "$j1cpu" "$j2cpu" <<'PY'
import sys
j1, j2, r1, r2, c1, c2 = map(float, sys.argv[1:7])
speedup = j1 / j2 if j2 > 0 else 0
print(f"  -j 1: median {j1:.2f} s (cpu {c1:.2f} s), peak {r1:.0f} MB;  -j 2: median {j2:.2f} s (cpu {c2:.2f} s),"
      f" peak {r2:.0f} MB;  speed-up {speedup:.2f}x")
ok = speedup >= 1.6
print(f"  target -j 2 at least 1.6x faster than -j 1: {'MEETS' if ok else 'MISSES'} ({speedup:.2f}x)")
sys.exit(0 if ok else 3)
PY
  rm -rf "$ladder/x16"
  echo
else
  echo "(c) SKIP: corpus folder $shared/corpus/cloudformation not found"
  echo
fi

# ---- (d) the size ladder ----
setup_go
echo "(d) size ladder: ${sizes[*]} MB, $ladder_runs runs each, at most $bench_timeout s a run"
read -r -a kinds <<<"${LADDER_KINDS:-tf-corpus tf-trails cfn-json cfn-yaml}"
if [ "${kinds[0]}" = tf-corpus ] && [ ! -d "$shared/corpus/terraform" ]; then
  echo "  tf-corpus: SKIP (corpus folder $shared/corpus/terraform not found)"
  kinds=("${kinds[@]:1}")
elif [ "${kinds[0]}" = tf-corpus ]; then
  fail_if_empty "$shared/corpus/terraform" "the Terraform corpus"
fi
for kind in "${kinds[@]}"; do
  case "$kind" in
    tf-*) name=main.tf ;;
    cfn-json) name=template.json ;;
    cfn-yaml) name=template.yaml ;;
  esac
  echo "  $kind (command: $gnu_time -f '%e %M' $tw scan -q FILE)"
  : >"$tmp/$kind.rows"
  for size in "${sizes[@]}"; do
    dir="$ladder/$kind-$size"
    mkdir -p "$dir"
    python3 "$inputs" "$kind" "$size" "$dir/$name" "$shared/corpus/terraform"
    bytes=$(wc -c <"$dir/$name")
    label="$kind-$size"
    : >"$tmp/$label.tsv"
    for ((r = 1; r <= ladder_runs; r++)); do
      timed "$label" "$tw" scan -q "$dir/$name"
    done
    read -r wall rss rc cpu < <(median_of "$label")
    go_wall=-
    if [ -n "$hclparse" ] && [ "${kind#tf-}" != "$kind" ]; then
      : >"$tmp/go-$label.tsv"
      for ((r = 1; r <= ladder_runs; r++)); do
        timed "go-$label" "$hclparse" "$dir/$name"
      done
      read -r go_wall _ _ < <(median_of "go-$label")
    fi
    echo "$size $bytes $wall $rss $rc $go_wall $cpu" >>"$tmp/$kind.rows"
    rm -rf "$dir"
  done
  check python3 - "$kind" "$top" "$tmp/$kind.rows" <<'PY'
import sys
kind, top, path = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [l.split() for l in open(path) if l.strip()]
ok = True
print(f"    {'MB':>6} {'wall s':>8} {'cpu s':>7} {'peak MB':>8} {'s per MB':>9} {'exit':>5} {'Go parse s':>11} {'ratio':>6}")
for size, nbytes, wall, rss, rc, go, cpu in rows:
    mb = int(nbytes) / 1e6
    ratio = f"{float(wall) / float(go):.2f}" if go != "-" and float(go) > 0 else "-"
    note = "  (killed at the time limit)" if rc == "124" else ("  (unexpected exit code)" if rc not in ("0", "1") else "")
    print(f"    {mb:6.2f} {float(wall):8.2f} {float(cpu):7.2f} {float(rss):8.0f} {float(wall) / mb:9.3f} {rc:>5} {go:>11} {ratio:>6}{note}")
    if rc not in ("0", "1"):
        ok = False
first, last = rows[0], rows[-1]
per_first = float(first[2]) / (int(first[1]) / 1e6)
per_last = float(last[2]) / (int(last[1]) / 1e6)
growth = per_last / per_first
good = growth <= 1.5
ok &= good
print(f"    scaling: time per MB at {int(last[1]) / 1e6:.1f} MB is {growth:.2f}x that at {int(first[1]) / 1e6:.1f} MB"
      f" (target <= 1.5x): {'MEETS' if good else 'MISSES'}")
if last[0] == top and float(top) >= 20:
    wall, rss, go = float(last[2]), float(last[3]), last[5]
    if kind.startswith("tf-"):
        good = rss <= 1024
        ok &= good
        print(f"    {top} MB: peak {rss:.0f} MB (target <= 1024 MB): {'MEETS' if good else 'MISSES'}")
        if go != "-":
            good = wall <= 2 * float(go)
            ok &= good
            print(f"    {top} MB: {wall / float(go):.2f}x the Go parser (target <= 2x): {'MEETS' if good else 'MISSES'}")
    else:
        good = wall <= 10
        ok &= good
        print(f"    {top} MB: {wall:.2f} s (target <= 10 s): {'MEETS' if good else 'MISSES'}")
sys.exit(0 if ok else 3)
PY
done
echo

# ---- (e) a 16 MB YAML string ----
echo "(e) one YAML template whose single string is 16 MB ($ladder_runs runs)"
python3 "$inputs" yaml-scalar 16 "$ladder/scalar.yaml"
echo "  command: $gnu_time -f '%e %M' $tw scan -q $ladder/scalar.yaml"
: >"$tmp/scalar.tsv"
for ((r = 1; r <= ladder_runs; r++)); do
  timed scalar "$tw" scan -q "$ladder/scalar.yaml"
done
read -r wall rss rc cpu < <(median_of scalar)
check python3 - "$wall" "$rss" "$rc" <<'PY'
import sys
wall, rss, rc = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
ok = wall <= 10 and rc in ("0", "1")
print(f"  median {wall:.2f} s, peak {rss:.0f} MB, exit {rc}; target <= 10 s: {'MEETS' if ok else 'MISSES'}")
sys.exit(0 if ok else 3)
PY
rm -f "$ladder/scalar.yaml"
echo
