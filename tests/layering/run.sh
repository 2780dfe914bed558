#!/bin/sh
# The layering the build enforces (CMakeLists.txt, embargo_subsystem): a
# subsystem compiles against the headers of the subsystems below it and
# fails on one above. Compiles two one-line files with store/'s include
# folders: payments/ (below store) must be found, service/ (above) must not.
#   run.sh BUILD_DIR SOURCE_DIR CXX
set -eu
build=$1
source=$2
cxx=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
flags="-std=c++20 -fsyntax-only -I$source/include -I$build/layers/store"
[ -d "$build/layers/store/payments" ] || { echo "FAIL: no layer folder $build/layers/store"; exit 1; }
echo '#include "payments/message.h"' > "$scratch/down.cc"
$cxx $flags "$scratch/down.cc" || { echo "FAIL: store/ cannot include payments/ (below it)"; exit 1; }
echo '#include "service/http_types.h"' > "$scratch/up.cc"
if $cxx $flags "$scratch/up.cc" 2> "$scratch/up.err"; then
  echo "FAIL: store/ compiled an include of service/ (above it)"
  exit 1
fi
grep -q "service/http_types.h: No such file" "$scratch/up.err" || {
  cat "$scratch/up.err"; echo "FAIL: the upward include failed for another reason"; exit 1; }
echo "OK: store/ sees payments/ and not service/"
