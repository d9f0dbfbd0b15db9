#!/bin/sh
# tools/langdetect_diff/run.sh OLD_TREE NEW_TREE CONFORMANCE_DIR [WORKDIR]
#
# Differential test of langdetect between two source trees, each already
# configured and built in TREE/build (e.g. `git archive COMMIT | tar -x -C
# /tmp/old` then cmake there): links tools/langdetect_diff/driver.c (from the
# new tree, compiled against each tree's headers) with each build's object
# library, runs both on the corpus from gen.py and compares the outputs byte
# for byte. Not part of CI (it needs two builds and takes about two minutes).
set -e
OLD=$1; NEW=$2; CONF=$3; W=${4:-/tmp/langdetect_diff}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$W"
[ -f "$W/corpus.bin" ] || python3 "$HERE/gen.py" "$W/corpus.bin" "$CONF"
for side in old new; do
  if [ $side = old ]; then T=$OLD; else T=$NEW; fi
  objs=$(find "$T/build/CMakeFiles/ifreward_obj.dir" -name '*.o')
  cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -DIFR_STATIC -I"$T/src" -I"$T/include" \
     "$HERE/driver.c" $objs $(pkg-config --libs libpcre2-8 libutf8proc jansson) -lm -lpthread \
     -o "$W/drv-$side"
  "$W/drv-$side" "$W/corpus.bin" > "$W/out-$side.bin"
done
cmp "$W/out-old.bin" "$W/out-new.bin" && echo "langdetect_diff: identical"
