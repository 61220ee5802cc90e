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

# Binary chunks for the undump target: every corpus program that compiles, dumped with and
# without debug information by the ferrolua CLI (built here if needed).
mkdir -p "$fuzz_dir/corpus/undump"
cargo build --quiet --release --manifest-path "$fuzz_dir/../Cargo.toml" -p ferrolua --bin ferrolua
ferrolua="$fuzz_dir/../target/release/ferrolua"
dumped=0
while IFS= read -r -d '' source; do
    relative="${source#"$corpus_dir"/}"
    flat="${relative//\//__}"
    for strip in false true; do
        if "$ferrolua" -e "
            local f = loadfile(arg[1])
            if not f then os.exit(1) end
            io.open(arg[2], 'wb'):write(string.dump(f, $strip)):close()" \
            /dev/null "$source" "$fuzz_dir/corpus/undump/$flat.$strip.luac" 2>/dev/null; then
            dumped=$((dumped + 1))
        fi
    done
done < <(find "$corpus_dir" -type f -name '*.lua' -print0 | sort -z)
echo "seed.sh: dumped $dumped binary chunks into $fuzz_dir/corpus/undump/"
