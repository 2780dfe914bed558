#!/bin/sh
# Installs the build into a scratch prefix and builds two programs outside
# the tree against it: one through the CMake package (find_package), one
# through pkg-config. Each screens "Ri Won-ho" against RI WON HO and must
# print the match as JSON.
#   run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" --component library > "$scratch/install.log"

check() {  # the program's output: one match of RI WON HO, a batch row, the entity
  out=$("$1")
  echo "$out"
  echo "$out" | grep -q '"entity_id":"ri"' || { echo "FAIL: $2: no match of ri"; exit 1; }
  echo "$out" | grep -q '^{"id":"row-1","matches":\[{.*"entity_id":"ri"' ||
    { echo "FAIL: $2: the batch row did not match ri"; exit 1; }
  echo "$out" | grep -q '^{.*"source_id":"KPi.033"' ||
    { echo "FAIL: $2: no entity JSON"; exit 1; }
}

cmake -S "$source/tests/consumer" -B "$scratch/cmake-build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$scratch/prefix" -DCMAKE_BUILD_RPATH="$scratch/prefix/lib" > /dev/null
cmake --build "$scratch/cmake-build" > /dev/null
check "$scratch/cmake-build/consumer" "find_package(embargo)"

pc=$(find "$scratch/prefix" -name embargo.pc)
libdir=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --variable=libdir embargo)
# shellcheck disable=SC2046
c++ -o "$scratch/pc-consumer" "$source/tests/consumer/main.cc" \
  $(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs embargo) -Wl,-rpath,"$libdir"
check "$scratch/pc-consumer" "pkg-config embargo"
echo "OK: both consumers link the installed library and screen through the public API"
