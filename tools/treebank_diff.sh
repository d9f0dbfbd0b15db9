#!/bin/sh
# treebank_diff.sh OLD_CHECKOUT [BUILD_DIR] - build tools/treebank_diff.c: the
# current Treebank port (from BUILD_DIR's object library, default ./build)
# against OLD_CHECKOUT/src/nlp/treebank.c (the oracle, entry points renamed).
# Prints the path of the program. Run from the repository root.
set -eu
old=$1
b=${2:-build}
out=${TMPDIR:-/tmp}/tb_diff
R="-Difr__treebank_tokenize=old_treebank_tokenize -Difr__word_tokenize=old_word_tokenize -Difr__text_tokens=old_text_tokens"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L $R -I"$old/src" -I"$old/include" \
   -c "$old/src/nlp/treebank.c" -o "$out.old.o"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude -c tools/treebank_diff.c -o "$out.o"
cc "$out.o" "$out.old.o" $(find "$b/CMakeFiles/ifreward_obj.dir" -name '*.o') \
   -ljansson -lpcre2-8 -lutf8proc -lm -o "$out"
echo "$out"
