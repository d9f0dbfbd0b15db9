#!/bin/sh
# run.sh BUILD_DIR SOURCE_DIR WORK_DIR [CONFIG]
#
# Install the build in BUILD_DIR into a staging prefix under WORK_DIR, then build
# and run an outside consumer (consumer/consumer.c, consumer_cxx.cpp and every
# SOURCE_DIR/examples/*.c) against it twice: with find_package(ifreward) and with
# pkg-config. Also checks the installed layout, the .pc contents and that
# find_package refuses an incompatible version.
# Environment: CC (C compiler), CXX (optional), IFR_CONSUMER_FLAGS (extra compile
# and link flags, e.g. -fsanitize=address,undefined for a sanitizer build).
set -eu
build=$1
src=$2
work=$3
config=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
CC=${CC:-cc}
flags=${IFR_CONSUMER_FLAGS:-}

step() { printf '\n== %s\n' "$*"; }
die() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"

step "install $build into $prefix"
if [ -n "$config" ]; then
    cmake --install "$build" --prefix "$prefix" --config "$config"
else
    cmake --install "$build" --prefix "$prefix"
fi

# --- the installed layout ---
[ -f "$prefix/include/ifreward.h" ] || die "header not installed"
pc=$(find "$prefix" -name ifreward.pc | head -n 1)
[ -n "$pc" ] || die "ifreward.pc not installed"
pcdir=$(dirname "$pc")
libdir=$(dirname "$pcdir")
cfg=$(find "$prefix" -name ifrewardConfig.cmake | head -n 1)
[ -n "$cfg" ] || die "ifrewardConfig.cmake not installed"
[ -f "$(dirname "$cfg")/ifrewardConfigVersion.cmake" ] || die "ConfigVersion not installed"
if [ -e "$libdir/libifreward.so" ]; then
    static=0
    [ -L "$libdir/libifreward.so" ] || die "libifreward.so is not a symlink to the SONAME file"
    ls "$libdir"/libifreward.so.[0-9]* >/dev/null 2>&1 || die "no versioned libifreward.so.N"
elif [ -e "$libdir/libifreward.a" ]; then
    static=1
else
    die "no libifreward.so or libifreward.a in $libdir"
fi
echo "library: $(ls "$libdir" | grep ifreward | tr '\n' ' ') (static=$static)"
if [ -f "$build/CMakeCache.txt" ] && grep -q '^IFR_BUILD_CLI:BOOL=ON' "$build/CMakeCache.txt"; then
    [ -x "$prefix/bin/ifreward" ] || die "CLI not installed"
fi

# --- pkg-config metadata ---
step "pkg-config"
export PKG_CONFIG_PATH="$pcdir"
pkg-config --exists ifreward || die "pkg-config cannot find ifreward"
hv=$(sed -n 's/^#define IFR_VERSION_STRING "\(.*\)"/\1/p' "$src/include/ifreward.h")
pv=$(pkg-config --modversion ifreward)
[ "$pv" = "$hv" ] || die "pkg-config version $pv, header $hv"
pcflags=$(pkg-config --cflags ifreward)
echo "cflags: $pcflags"
case "$pcflags" in *IFR_BUILDING*) die "IFR_BUILDING leaks into ifreward.pc" ;; esac
case "$pcflags" in
    *-DIFR_STATIC*) [ "$static" = 1 ] || die "IFR_STATIC in the Cflags of a shared build" ;;
    *) [ "$static" = 0 ] || die "static build without IFR_STATIC in Cflags" ;;
esac
grep -q '^Requires.private: libpcre2-8 libutf8proc jansson$' "$pc" ||
    die "Requires.private does not list libpcre2-8 libutf8proc jansson"
# relocatable: the .pc must work from a copy of the prefix elsewhere
case "$(cat "$pc")" in *"$prefix"*) die "ifreward.pc hard-codes the prefix" ;; esac

# run PROGRAM: it must load the staged library (shared) and exit 0
run() {
    if [ "$static" = 0 ]; then
        ldd "$1" | grep -q "$libdir/libifreward.so" ||
            { ldd "$1"; die "$1 does not load the staged libifreward"; }
    fi
    "$@" || die "$1 exited with $?"
}

# --- find_package ---
step "consumer via find_package(ifreward)"
cm="$work/cmake"
set -- -S "$here/consumer" -B "$cm" -DCMAKE_PREFIX_PATH="$prefix" \
    -DIFR_EXPECT_PREFIX="$prefix" -DIFR_EXAMPLES_DIR="$src/examples" \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
[ -n "${CXX:-}" ] && set -- "$@" -DCMAKE_CXX_COMPILER="$CXX"
cmake "$@" >"$work/cmake-configure.log" 2>&1 ||
    { cat "$work/cmake-configure.log"; die "consumer configure failed"; }
grep 'ifreward .* from' "$work/cmake-configure.log" || true
cmake --build "$cm" -j2 >"$work/cmake-build.log" 2>&1 ||
    { cat "$work/cmake-build.log"; die "consumer build failed"; }
run "$cm/consumer"
[ -x "$cm/consumer_cxx" ] && run "$cm/consumer_cxx"
for e in "$cm"/example_*; do
    [ -x "$e" ] || continue
    echo "-- $(basename "$e")"
    run "$e" >"$work/$(basename "$e").out"
    tail -n 3 "$work/$(basename "$e").out"
done

step "find_package refuses an incompatible version"
major=$(sed -n 's/^#define IFR_VERSION_MAJOR \([0-9]*\)/\1/p' "$src/include/ifreward.h")
minor=$(sed -n 's/^#define IFR_VERSION_MINOR \([0-9]*\)/\1/p' "$src/include/ifreward.h")
if [ "$major" = 0 ]; then bad="0.$((minor + 1))"; else bad="$((major + 1)).0"; fi
if cmake -S "$here/consumer" -B "$work/cmake-bad" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$CC" -DIFR_REQUEST_VERSION="$bad" \
        -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$work/cmake-bad.log" 2>&1; then
    die "find_package(ifreward $bad) accepted version $hv"
fi
echo "ok: find_package(ifreward $bad) refused $hv"

# --- pkg-config ---
step "consumer via pkg-config"
pk="$work/pkgconfig"
mkdir -p "$pk"
if [ "$static" = 1 ]; then
    libs=$(pkg-config --libs --static ifreward)
    rpath=
else
    libs=$(pkg-config --libs ifreward)
    rpath="-Wl,-rpath,$libdir"
fi
echo "libs: $libs"
# shellcheck disable=SC2086
$CC -std=c11 -Wall -Wextra -Wpedantic -Werror $flags $pcflags \
    "$here/consumer/consumer.c" -o "$pk/consumer" $libs $rpath
run "$pk/consumer"
for e in "$src"/examples/*.c; do
    [ -f "$e" ] || continue
    name=$(basename "$e" .c)
    # shellcheck disable=SC2086
    $CC -std=c11 -Wall -Wextra -Wpedantic -Werror $flags $pcflags "$e" \
        -o "$pk/example_$name" $libs $rpath
    run "$pk/example_$name" >"$work/pkg-example_$name.out"
    echo "-- example_$name: ok"
done

step "relocated prefix"
cp -a "$prefix" "$work/moved"
PKG_CONFIG_PATH="$work/moved${pcdir#"$prefix"}" pkg-config --cflags ifreward |
    grep -q -- "-I$work/moved/" || die "ifreward.pc is not relocatable"
rm -rf "$work/moved"
echo "ok"

printf '\npackaging: all checks passed\n'
