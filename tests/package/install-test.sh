#!/usr/bin/env bash
# The Debian package, installed on a clean Debian 12 as a user would: build the .deb from BUILD_DIR
# (cpack), check it with lintian, desktop-file-validate and appstreamcli, debootstrap a minimal
# bookworm root, install the package's dependencies there, then the package; run visor-cli (version,
# a project, an import of generated data, one short epoch) and visor (offscreen, until its window is
# shown, in English and Portuguese); purge the package and compare the root's file list with the one
# before it was installed. Then visor-dev: install it with what it depends on, build the two example
# plugins (examples/plugins: a generator and a backbone) against the installed headers and CMake
# package as a user would, and check that visor-cli lists them and that a one-epoch run uses them.
# And visor-edge first, alone in the fresh root: nothing of LibTorch or the engine may come with it; it
# runs an exported bundle on a generated video, and visor-cli later imports the frames it kept.
#
#   tests/package/install-test.sh BUILD_DIR
#
# Needs root (debootstrap, chroot) and Debian's mirror. Exit 77 (CTest: skipped) when not root, when
# a tool is missing, or when VISOR_SKIP_INSTALL_TEST=1; any failure of the package itself fails.
set -euo pipefail

build=$(cd "${1:?usage: install-test.sh BUILD_DIR}" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }
[ "${VISOR_SKIP_INSTALL_TEST:-0}" = 1 ] && skip "VISOR_SKIP_INSTALL_TEST=1"
[ "$(id -u)" -eq 0 ] || skip "the install test needs root for debootstrap and chroot (CI runs it as root)"
for tool in debootstrap chroot cpack lintian dpkg-deb mountpoint desktop-file-validate appstreamcli; do
  command -v "$tool" > /dev/null || skip "$tool is not installed (scripts/install-deps.sh installs it)"
done

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

# The root sits beside the host's package cache (/var), so its archives can be hard links to the .debs
# the host already downloaded for the build instead of new downloads.
work=$(mktemp -d /var/tmp/visor-install-test.XXXXXX)
root=$work/root
cleanup() {
  local busy=0
  for m in "$root/proc" "$root/dev/pts"; do
    if mountpoint -q "$m" 2> /dev/null; then umount "$m" || umount -l "$m" || busy=1; fi
  done
  # Never delete a tree that still has something mounted inside it.
  if [ "$busy" -eq 0 ] && ! grep -q " $work" /proc/mounts; then
    rm -rf "$work"
  else
    echo "install-test: $work still has mounts; left in place" >&2
  fi
}
trap cleanup EXIT

step "package"
(cd "$build" && cpack -G DEB -B "$work/pkg" > "$work/cpack.log") || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/pkg/visor_*.deb)
dev_deb=$(ls "$work"/pkg/visor-dev_*.deb)
edge_deb=$(ls "$work"/pkg/visor-edge_*.deb)
echo "$edge_deb"
dpkg-deb --field "$edge_deb"
if dpkg-deb -f "$edge_deb" Depends | grep -Eq 'torch|visor'; then
  echo "FAIL: visor-edge depends on LibTorch or on visor: $(dpkg-deb -f "$edge_deb" Depends)"; exit 1
fi
echo "$deb"
dpkg-deb --field "$deb"
echo "$dev_deb"
dpkg-deb --field "$dev_deb"

step "lintian"
lintian --fail-on error --display-level '>=warning' "$deb" "$dev_deb" "$edge_deb" || { echo "FAIL: lintian reports errors"; exit 1; }
echo "lintian: no errors"
dpkg-deb -x "$deb" "$work/contents"
desktop-file-validate "$work"/contents/usr/share/applications/*.desktop || { echo "FAIL: desktop entry"; exit 1; }
appstreamcli validate --no-net "$work"/contents/usr/share/metainfo/*.metainfo.xml || { echo "FAIL: AppStream metadata"; exit 1; }

step "debootstrap bookworm (minbase)"
mirror=$(awk '/^URIs:/ {print $2; exit} /^deb / {print $2; exit}' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2> /dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}
debootstrap --variant=minbase --cache-dir=/var/cache/apt/archives bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log"; echo "FAIL: debootstrap from $mirror"; exit 1; }
# The host's sources (with bookworm-updates and security), so versions match the host's cache.
if ls /etc/apt/sources.list.d/*.sources > /dev/null 2>&1; then
  rm -f "$root/etc/apt/sources.list"
  cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/"
fi
cp -l /var/cache/apt/archives/*.deb "$root/var/cache/apt/archives/" 2> /dev/null || true
mount -t proc proc "$root/proc"
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

step "a bundle and a video for visor-edge, made with the build's own programs"
# A tiny detector of generated shapes, exported; its images as a folder, which visor-edge turns into an
# annotated video (--video): the generated video it then runs on in the root.
"$build/bin/visor-cli" synth "$work/shapes" --shapes 40 --kind detection --seed 5 > /dev/null
for kv in "input.min_side 64" "input.max_side 96" "train.epochs 1" "train.steps_per_epoch 50" "train.batch_size 4"; do
  "$build/bin/visor-cli" params "$work/shapes" set $kv > /dev/null
done
"$build/bin/visor-cli" train "$work/shapes" > "$work/edge-train.log" 2>&1 || { tail "$work/edge-train.log"; exit 1; }
"$build/bin/visor-cli" export-model "$work/shapes" 1 --out "$work/bundle" --split test
"$build/bin/visor-cli" export "$work/shapes" "$work/shapes-voc" --format voc > /dev/null
"$build/bin/visor-edge" "$work/bundle" "$work/shapes-voc/JPEGImages" --no-feedback --video "$work/clip.avi" > /dev/null
frames=$(ls "$work/shapes-voc/JPEGImages" | wc -l)

step "visor-edge alone in the clean root"
edge_deps=$(dpkg-deb -f "$edge_deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g')
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends $edge_deps > "$work/apt-edge.log" 2>&1 || { tail -30 "$work/apt-edge.log"; exit 1; }
cp "$edge_deb" "$root/tmp/visor-edge.deb"
in_root dpkg -i /tmp/visor-edge.deb
if in_root dpkg -l | grep -Eiq '^ii +(libtorch|libvisor|visor )'; then
  echo "FAIL: visor-edge brought LibTorch or visor along:"; in_root dpkg -l | grep -Ei 'torch|visor'; exit 1
fi
echo "installed without LibTorch: $(in_root dpkg -l | grep -c '^ii') packages in the root, none of LibTorch"
cp -r "$work/bundle" "$root/tmp/bundle"
cp "$work/clip.avi" "$root/tmp/clip.avi"
in_root bash -euxc "
  visor-edge --version
  visor-edge /tmp/bundle /tmp/clip.avi --out /tmp/edge-out --sample 0.5 --max-per-minute 1000
  test \$(wc -l < /tmp/edge-out/predictions.jsonl) -eq $frames
  ls /tmp/edge-out/feedback/*.json > /dev/null
  if visor-edge /tmp/bundle /tmp/no-such-video.mp4; then exit 1; else test \$? -eq 2; fi
"

step "dependencies of the package"
deps=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g')
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends $deps > "$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; exit 1; }
snapshot() { # every path of the root but the volatile ones and the test's own data
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./tmp -o -path ./root -o -path ./var/cache -o -path ./var/log \
    -o -path ./var/lib/apt -o -path ./run -o -path ./dev \) -prune -o -print | sort)
}
snapshot > "$work/before.txt"

step "install"
cp "$deb" "$root/tmp/visor.deb"
in_root dpkg -i /tmp/visor.deb
in_root dpkg -L visor | while read -r path; do [ -d "$root$path" ] || echo "$path"; done > "$work/files.txt"

step "visor-cli and visor in the clean root"
in_root bash -euxc '
  visor-cli --version
  visor-cli synth /tmp/generated --shapes 40 --kind classification --seed 7
  visor-cli export /tmp/generated /tmp/exported --format imagefolder
  visor-cli init /root/parts --kind classification --name parts
  visor-cli import /root/parts /tmp/exported
  visor-cli stats /root/parts
  visor-cli train /root/parts --set train.epochs=1 --set train.steps_per_epoch=50 --set train.batch_size=4
  visor-cli runs /root/parts | tee /tmp/runs.txt
  grep -q finished /tmp/runs.txt
  visor-cli init /root/edge --kind detection --name edge
  visor-cli import /root/edge /tmp/edge-out/feedback | tee /tmp/edge-import.txt
  grep -q "(edge)" /tmp/edge-import.txt
  QT_QPA_PLATFORM=offscreen visor --exit-when-shown /root/parts/project.visor | tee /tmp/en.txt
  grep -q "window shown, language en" /tmp/en.txt
  LANG=pt_BR.UTF-8 QT_QPA_PLATFORM=offscreen visor --exit-when-shown /root/parts | tee /tmp/pt.txt
  grep -q "window shown, language pt_BR" /tmp/pt.txt
'
if [ -f "$root/usr/share/mime/globs2" ]; then
  grep -q 'application/x-visor-project:project.visor' "$root/usr/share/mime/globs2" ||
    { echo "FAIL: the MIME type of project.visor is not registered"; exit 1; }
  echo "MIME type registered: $(grep x-visor-project "$root/usr/share/mime/globs2")"
fi

step "purge"
in_root dpkg --purge visor
if in_root dpkg -s visor > /dev/null 2>&1; then echo "FAIL: visor is still installed"; exit 1; fi
left=0
while read -r path; do
  if [ -f "$root$path" ] || [ -L "$root$path" ]; then echo "left behind: $path"; left=1; fi
done < "$work/files.txt"
snapshot > "$work/after.txt"
if ! diff "$work/before.txt" "$work/after.txt" > "$work/diff.txt"; then
  echo "FAIL: the root differs from before the install:"; cat "$work/diff.txt"; exit 1
fi
[ "$left" -eq 0 ] || { echo "FAIL: files of the package remain"; exit 1; }
echo "purged: none of the $(wc -l < "$work/files.txt") files of the package remain; the root's $(wc -l < "$work/before.txt") paths are as before the install"
step "visor-dev: the example plugins built against the installed package"
in_root dpkg -i /tmp/visor.deb > /dev/null
dev_deps=$(dpkg-deb -f "$dev_deb" Depends | sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g; s/\bvisor\b//')
in_root apt-get install -y -qq --no-install-recommends $dev_deps > "$work/apt-dev.log" 2>&1 || { tail -30 "$work/apt-dev.log"; exit 1; }
cp "$dev_deb" "$root/tmp/visor-dev.deb"
in_root dpkg -i /tmp/visor-dev.deb
rm -rf "$root/tmp/examples"
cp -r "$source_dir/examples/plugins" "$root/tmp/examples"
in_root bash -euxc '
  for plugin in checkers tinyresnet; do
    cmake -S /tmp/examples/$plugin -B /tmp/$plugin-build -DCMAKE_BUILD_TYPE=Release > /tmp/$plugin-cmake.log
    cmake --build /tmp/$plugin-build -j 2 > /tmp/$plugin-build.log
    cmake --install /tmp/$plugin-build --prefix /root/.local
  done
  visor-cli plugins | tee /tmp/plugins.txt
  grep -q "registered: generator checkers" /tmp/plugins.txt
  grep -q "registered: backbone tinyresnet" /tmp/plugins.txt
  visor-cli synth /root/checkers --generator checkers --count 40 --kind detection --seed 2
  for kv in "detector.backbone tinyresnet" "input.channels 3" "input.min_side 96" "input.max_side 96" \
            "train.epochs 1" "train.steps_per_epoch 50" "train.batch_size 4"; do
    visor-cli params /root/checkers set $kv
  done
  visor-cli train /root/checkers
  visor-cli runs /root/checkers | tee /tmp/runs.txt
  grep -q finished /tmp/runs.txt
  grep -q tinyresnet /root/checkers/runs/1/model.json
'
in_root dpkg --purge visor-dev visor > /dev/null

step "install test passed"
