#!/usr/bin/env bash
# The one list of Debian packages Visor needs to build, test and run.
# Installs only what is missing; idempotent; non-interactive; uses sudo when not root.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6: Core, Gui, Widgets, Sql (+ SQLite driver), Test, Linguist tools, Qt's own translations
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev
  # plotting (Qt 6 build of QCustomPlot)
  libqcustomplot-dev libqcustomplot2.1-qt6
  # machine learning and images
  libtorch-dev libopencv-dev libopenblas-dev libsqlite3-dev libjpeg-dev
  # model export: ONNX graphs written with libonnx (protobuf), checked by OpenCV's dnn
  libonnx-dev libprotobuf-dev
  # the ocr generator: fonts found by fontconfig, drawn by FreeType
  libfreetype-dev libfontconfig-dev fonts-dejavu-core fonts-liberation2
  # the fuzz targets (make fuzz): clang with libFuzzer
  clang libclang-rt-14-dev
  # headless GUI runs and screenshots
  xvfb xauth
  # the package and its install test (make package; tests/package/install-test.sh): a clean Debian root
  debootstrap lintian dpkg-dev fakeroot desktop-file-utils appstream
)

# Benchmarks only (make bench): the torchvision reference of bench/reference/augment_ref.py and the
# handwritten digits of opencv-doc.
BENCH_PACKAGES=(python3-torchvision python3-numpy opencv-doc)
if [ "${1:-}" = "--bench" ]; then
  PACKAGES+=("${BENCH_PACKAGES[@]}")
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
