#!/bin/bash -eu
# ClusterFuzzLite build: the same as the OSS-Fuzz one (fuzz/oss-fuzz/build.sh).
exec bash "$SRC/xcv/fuzz/oss-fuzz/build.sh"
