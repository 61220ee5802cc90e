#!/usr/bin/env bash
# Copies every *.lua file under ../corpus (recursively) into the libFuzzer corpora of both
# targets, corpus/parse/ and corpus/parse_diff/. Those folders are gitignored: they are the
# fuzzer's working sets, rebuilt from the committed corpus whenever this script runs.
# Files keep a name derived from their path, so seeds from different folders never collide and
# running the script twice does not duplicate anything. Works from any current directory.
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus_dir="$(cd "$fuzz_dir/../corpus" && pwd)"
targets=(parse parse_diff)

for target in "${targets[@]}"; do
    mkdir -p "$fuzz_dir/corpus/$target"
done

count=0
while IFS= read -r -d '' source; do
    relative="${source#"$corpus_dir"/}"
    # corpus/syntax/regressions/x.lua becomes syntax__regressions__x.lua.
    flat="${relative//\//__}"
    for target in "${targets[@]}"; do
        cp -f -- "$source" "$fuzz_dir/corpus/$target/$flat"
    done
    count=$((count + 1))
done < <(find "$corpus_dir" -type f -name '*.lua' -print0 | sort -z)

echo "seed.sh: copied $count seed files from $corpus_dir into ${targets[*]/#/$fuzz_dir/corpus/}"
