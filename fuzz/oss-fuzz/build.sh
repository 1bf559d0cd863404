#!/bin/bash -eu
# fuzz/oss-fuzz/build.sh -- builds the xcv fuzz targets the OSS-Fuzz way.
# Uses only the variables OSS-Fuzz / ClusterFuzzLite set: $CC $CXX $CFLAGS
# $CXXFLAGS $LIB_FUZZING_ENGINE $OUT $SRC $WORK. No CMake (the base image's
# is older than ours needs): the core is compiled directly.
# The xcv tree is $SRC/xcv (or the directory two levels above this script).
# BearSSL: $SRC/BearSSL is built with the fuzzing flags when present (the
# Dockerfile clones it, so MSan builds are fully instrumented); otherwise
# the system libbearssl-dev is used. fuzz_diff_openssl is built only when
# OpenSSL's headers are installed.
# Local run: scripts/test-oss-fuzz-build.

set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
xcv=${XCV_SRC:-$SRC/xcv}
[ -d "$xcv/src" ] || xcv=$(cd "$here/../.." && pwd)
build=$WORK/xcv-build
rm -rf "$build"
mkdir -p "$build/core" "$build/fuzz" "$OUT"

bearssl_inc=()
bearssl_lib=(-lbearssl)
if [ -d "$SRC/BearSSL/src" ]; then
    make -C "$SRC/BearSSL" -j"$(nproc)" lib CC="$CC" CFLAGS="$CFLAGS -fPIC" \
        LD="$CC" LDFLAGS="$CFLAGS" BUILD="$build/bearssl" >/dev/null
    bearssl_inc=(-I"$SRC/BearSSL/inc")
    bearssl_lib=("$build/bearssl/libbearssl.a")
fi

# The core, as the top-level CMakeLists.txt builds it: every src/*.c except
# the file store (stdio) and the OpenSSL crypto backend.
objs=()
for f in "$xcv"/src/*.c; do
    case "$(basename "$f")" in store_file.c | *openssl*.c) continue ;; esac
    o="$build/core/$(basename "$f" .c).o"
    $CC $CFLAGS -std=c11 -I"$xcv/include" -I"$xcv/src" "${bearssl_inc[@]}" -c "$f" -o "$o"
    objs+=("$o")
done
ar rcs "$build/libxcv.a" "${objs[@]}"

have_openssl=0
if echo '#include <openssl/x509.h>' | $CC -E -x c - >/dev/null 2>&1; then
    have_openssl=1
fi

for src in "$xcv"/fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    extra=()
    if [ "$t" = fuzz_diff_openssl ]; then
        [ $have_openssl = 1 ] || continue
        [ "${SANITIZER:-}" != memory ] || continue # OpenSSL is not MSan-instrumented
        extra=(-lcrypto)
    fi
    defs=()
    # The structure-aware mutator (fuzz/tlv_mutator.h) calls LLVMFuzzerMutate:
    # libFuzzer only, for the targets where it raised coverage.
    case "$t" in fuzz_cert | fuzz_verify | fuzz_diff_openssl)
        if [ "${FUZZING_ENGINE:-libfuzzer}" = libfuzzer ]; then
            defs=(-DXCV_FUZZ_TLV_MUTATOR)
        fi
        ;;
    esac
    $CC $CFLAGS -std=c11 "${defs[@]}" -I"$xcv/include" -I"$xcv/src" -I"$xcv/fuzz" -c "$src" -o "$build/fuzz/$t.o"
    $CXX $CXXFLAGS "$build/fuzz/$t.o" -o "$OUT/$t" $LIB_FUZZING_ENGINE \
        "$build/libxcv.a" "${bearssl_lib[@]}" "${extra[@]}"
    name=${t#fuzz_}
    if [ -d "$xcv/fuzz/corpus/$name" ]; then
        rm -f "$OUT/${t}_seed_corpus.zip"
        (cd "$xcv/fuzz/corpus/$name" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
    fi
    cp "$xcv/fuzz/x509.dict" "$OUT/$t.dict"
    printf '[libfuzzer]\nmax_len = 8192\ntimeout = 10\n' > "$OUT/$t.options"
done
