#!/usr/bin/env bash
# Rebuilds this sample from the full Fashion-MNIST set (Debian package dataset-fashion-mnist):
# the first TRAIN training images and the first TEST test images, with their labels, as gzip
# IDX files in the original format (only the count in each header changes).
set -euo pipefail
cd "$(dirname "$0")"
src=${1:-/usr/share/datasets/fashion-mnist}
TRAIN=4000
TEST=1000

# A big-endian 32-bit integer as 4 raw bytes.
be32() { printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' \
  $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)))"; }

# images NAME COUNT: magic 0x00000803, count, 28 rows, 28 columns, then 784 bytes per image.
images() {
  { be32 $((0x803)); be32 "$2"; be32 28; be32 28
    gzip -dc "$src/$1-images-idx3-ubyte.gz" | tail -c +17 | head -c $(($2 * 784)) || true
  } | gzip -9n > "$1-images-idx3-ubyte.gz"
}

# labels NAME COUNT: magic 0x00000801, count, then one byte per label.
labels() {
  { be32 $((0x801)); be32 "$2"
    gzip -dc "$src/$1-labels-idx1-ubyte.gz" | tail -c +9 | head -c "$2" || true
  } | gzip -9n > "$1-labels-idx1-ubyte.gz"
}

images train "$TRAIN"
labels train "$TRAIN"
images t10k "$TEST"
labels t10k "$TEST"
