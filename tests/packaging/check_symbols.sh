#!/bin/sh
# check_symbols.sh LIB HEADER - the shared library exports the public API and nothing else.
#  1. every defined dynamic symbol is ifr_<name> (never an ifr__ internal, never a
#     pcre2/utf8proc/jansson symbol) or the version node IFREWARD_<n>;
#  2. every function the header declares with IFR_API is exported, and every
#     exported ifr_ function is declared in the header (curl's headers-vs-ledger test);
#  3. the version node number equals the SONAME's number (src/ifreward.map vs SOVERSION).
set -eu
lib=$1
header=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | sort -u >"$tmp/all"
grep -v -E '^(ifr_[a-z0-9][a-z0-9_]*|IFREWARD_[0-9]+)$' "$tmp/all" >"$tmp/bad" || true
if [ -s "$tmp/bad" ]; then
    echo "FAIL: symbols exported that are not public API:"; sed 's/^/  /' "$tmp/bad"
    fail=1
fi

# functions declared in the header: IFR_API <type> ifr_name(
tr '\n' ' ' <"$header" | grep -o 'IFR_API[^;(]*(' | grep -o 'ifr_[a-z0-9_]*[ ]*($' |
    tr -d ' (' | sort -u >"$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
    echo "FAIL: no IFR_API declarations found in $header"; fail=1
fi
nm -D --defined-only "$lib" | awk '$2 == "T" || $2 == "t" {print $NF}' | sed 's/@.*//' |
    grep '^ifr_' | sort -u >"$tmp/exported"
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
extra=$(comm -13 "$tmp/declared" "$tmp/exported")
if [ -n "$missing" ]; then
    echo "FAIL: declared in the header but not exported:"; echo "$missing" | sed 's/^/  /'
    fail=1
fi
if [ -n "$extra" ]; then
    echo "FAIL: exported but not declared in the header:"; echo "$extra" | sed 's/^/  /'
    fail=1
fi

soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
case "$soname" in
    libifreward.so.[0-9]*) ;;
    *) echo "FAIL: SONAME is '$soname', expected libifreward.so.<N>"; fail=1 ;;
esac
sonum=${soname#libifreward.so.}
nodes=$(grep -E '^IFREWARD_[0-9]+$' "$tmp/all" || true)
if [ "$nodes" != "IFREWARD_$sonum" ]; then
    echo "FAIL: version node(s) '$nodes' do not match SONAME $soname (src/ifreward.map)"
    fail=1
fi
# every exported function carries the version node (the script really applied)
unversioned=$(nm -D --defined-only "$lib" | awk '$2 == "T" {print $NF}' | grep -v '@' || true)
if [ -n "$unversioned" ]; then
    echo "FAIL: exported without a symbol version (version script not applied?):"
    echo "$unversioned" | sed 's/^/  /'
    fail=1
fi

n=$(wc -l <"$tmp/exported")
if [ "$fail" = 0 ]; then
    echo "ok: $n public functions exported, SONAME $soname, node IFREWARD_$sonum"
fi
exit $fail
