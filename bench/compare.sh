#!/bin/bash
# compare.sh - time any command over the benchmark inputs, next to ifreward.
#
#   bench/compare.sh [-n RUNS] [--data DIR] [--ours 'CMD'] [--no-ours] [--] CMD [ARGS...]
#
# CMD is run RUNS times (default 3) with these placeholders replaced in its
# arguments:
#   {input_data}           DIR/ifeval/input_data.jsonl
#   {input_response_data}  DIR/ifeval/input_response_data_*.jsonl
#   {output_dir}           a fresh empty directory per run
#   {data}                 DIR
# DIR defaults to $IFR_CONFORMANCE_DIR, then <repo>/../shared/conformance (or
# <repo>/../../shared/conformance for a worktree).
# Unless --no-ours, the same is done for ifreward's drop-in
#   <build>/ifreward eval --input_data {input_data}
#       --input_response_data {input_response_data} --output_dir {output_dir}
# (build dir: $IFR_BUILD_DIR or <repo>/build; --ours replaces the command), and
# the table shows wall time (min, median), responses/s counted as IFEval's
# evaluation_main counts them (every response scored strict and loose), peak RSS,
# and the ratio. When both commands write eval_results_{strict,loose}.jsonl, the
# per-instruction verdicts are compared too.
#
# Example, with Google's reference installed:
#   bench/compare.sh -- python3 -m instruction_following_eval.evaluation_main \
#       --input_data={input_data} --input_response_data={input_response_data} \
#       --output_dir={output_dir}
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=3
data=${IFR_CONFORMANCE_DIR:-}
if [ -z "$data" ]; then
    for d in "$root/../shared/conformance" "$root/../../shared/conformance"; do
        [ -d "$d" ] && { data=$d; break; }
    done
fi
ours=
use_ours=1
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --data) data=$2; shift 2 ;;
        --ours) ours=$2; shift 2 ;;
        --no-ours) use_ours=0; shift ;;
        --) shift; break ;;
        -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-n RUNS] [--data DIR] [--ours 'CMD'] [--no-ours] -- CMD..." >&2; exit 2; }
input="$data/ifeval/input_data.jsonl"
resp=$(ls "$data"/ifeval/input_response_data_*.jsonl 2>/dev/null | head -n 1 || true)
[ -f "$input" ] && [ -n "$resp" ] || { echo "no IFEval data under $data" >&2; exit 2; }
rows=$(wc -l <"$resp" | tr -d ' ')
build=${IFR_BUILD_DIR:-$root/build}
if [ -z "$ours" ]; then
    ours="$build/ifreward eval --input_data {input_data} --input_response_data {input_response_data} --output_dir {output_dir}"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# time_cmd LABEL CMD...: runs it $runs times; prints "min median peak_rss_kb"
time_cmd() {
    local label=$1 i=0 out a
    shift
    : >"$work/$label.times"
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        out="$work/$label.out.$i"
        mkdir -p "$out"
        local cmd=()
        for a in "$@"; do
            a=${a//\{input_data\}/$input}
            a=${a//\{input_response_data\}/$resp}
            a=${a//\{output_dir\}/$out}
            a=${a//\{data\}/$data}
            cmd+=("$a")
        done
        if ! /usr/bin/time -f '%e %M' -o "$work/$label.time" "${cmd[@]}" \
            >"$work/$label.stdout" 2>"$work/$label.stderr"; then
            echo "$label: command failed: ${cmd[*]}" >&2
            tail -n 20 "$work/$label.stderr" >&2
            return 1
        fi
        tail -n 1 "$work/$label.time" >>"$work/$label.times"
        ln -sfn "$out" "$work/$label.last"
    done
    sort -n "$work/$label.times" |
        awk '{t[NR]=$1; if ($2>m) m=$2} END {print t[1], t[int((NR+1)/2)], m}'
}

rate() { echo "$rows $1" | awk '{print ($2 > 0) ? $1 / $2 : 0}'; }
mib() { echo "$1" | awk '{print $1 / 1024}'; }

echo "inputs: $rows responses from $resp; $runs runs each"
read -r t_min t_med t_rss < <(time_cmd theirs "$@") || true
[ -n "${t_min:-}" ] || exit 1
printf '%-10s %9s %9s %14s %10s\n' command "min s" "median s" "responses/s" "peak MiB"
printf '%-10s %9.3f %9.3f %14.0f %10.1f\n' theirs "$t_min" "$t_med" "$(rate "$t_min")" "$(mib "$t_rss")"
if [ "$use_ours" = 1 ]; then
    read -r -a ours_cmd <<<"$ours"
    read -r o_min o_med o_rss < <(time_cmd ours "${ours_cmd[@]}") || true
    [ -n "${o_min:-}" ] || exit 1
    printf '%-10s %9.3f %9.3f %14.0f %10.1f\n' ifreward "$o_min" "$o_med" "$(rate "$o_min")" "$(mib "$o_rss")"
    echo "$t_min $o_min" | awk '{ if ($2 > 0) printf "ratio (theirs / ifreward, min wall time): %.1fx\n", $1 / $2 }'
    for mode in strict loose; do
        a="$work/theirs.last/eval_results_$mode.jsonl"
        b="$work/ours.last/eval_results_$mode.jsonl"
        [ -f "$a" ] && [ -f "$b" ] || continue
        python3 - "$a" "$b" "$mode" <<'PY'
import json, sys
a, b, mode = sys.argv[1:4]
def load(p):
    return {r["prompt"]: r["follow_instruction_list"] for r in map(json.loads, open(p, encoding="utf-8"))}
x, y = load(a), load(b)
same = sum(1 for k in x if k in y and x[k] == y[k])
inst = sum(len(v) for v in x.values())
isame = sum(sum(1 for p, q in zip(x[k], y.get(k, [])) if p == q) for k in x)
print(f"{mode}: {same}/{len(x)} responses and {isame}/{inst} instruction verdicts agree")
PY
    done
fi
