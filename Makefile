# The README's two commands — `make run` and `make test` — each do their own set-up.
BUILD_DIR   ?= build
SAN_DIR     ?= build-sanitize
BUILD_TYPE  ?= Release
JOBS        ?= $(shell nproc)
CMAKE_FLAGS ?=

export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE    ?= 5G

.PHONY: all deps configure build run screenshots test sanitize fuzz bench clean format translations package

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The workbench window, on the demo project the first time. Without a display (a server, an SSH
# session): the headless demo instead — creates the shapes project once, prints its health, trains the
# detector once (at most 5 minutes on two cores) and prints its test metrics.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BUILD_DIR)/bin/visor || { \
	    echo "The window could not open on display '$$DISPLAY$$WAYLAND_DISPLAY': running the headless demo instead."; \
	    $(BUILD_DIR)/bin/visor-cli demo --train; }; \
	else \
	  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the headless demo instead."; \
	  $(BUILD_DIR)/bin/visor-cli demo --train; \
	fi

# A PNG of every page of the workbench on the demo project, into $(SHOTS_DIR) (offscreen, no display needed).
# THEME=dark (or light, system) for the other theme; docs/screenshots/ and docs/screenshots/dark/ hold both.
SHOTS_DIR ?= $(BUILD_DIR)/screenshots
THEME ?= system
screenshots: build
	QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/bin/visor --demo --theme $(THEME) --screenshots $(SHOTS_DIR)
	@echo "Screenshots in $(SHOTS_DIR)"

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

# (The install test is skipped here: it would package the instrumented binaries.)
sanitize: deps
	cmake -S . -B $(SAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVISOR_SANITIZE=ON -DVISOR_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(SAN_DIR) -j $(JOBS)
	cd $(SAN_DIR) && QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  VISOR_SKIP_INSTALL_TEST=1 ctest --output-on-failure -j $(JOBS)

# The importers under libFuzzer with ASan and UBSan (clang; only the store and the readers are built):
# each target runs FUZZ_SECONDS from the seeds in tests/fuzz/corpus. CI runs it briefly after the tests.
FUZZ_DIR     ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	cmake -S tests/fuzz -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
	cmake --build $(FUZZ_DIR) -j $(JOBS)
	bash tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

bench: build
	@bash scripts/install-deps.sh --bench
	$(BUILD_DIR)/bin/bench_store
	$(BUILD_DIR)/bin/bench_augment
	$(BUILD_DIR)/bin/bench_train digits --minutes 5
	$(BUILD_DIR)/bin/bench_train speed
	$(BUILD_DIR)/bin/bench_gui
	$(BUILD_DIR)/bin/bench_advise

# The Debian package (visor and visor-cli): $(BUILD_DIR)/visor_<version>_<arch>.deb
package: build
	cd $(BUILD_DIR) && cpack -G DEB
	@ls $(BUILD_DIR)/visor_*.deb

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(SAN_DIR)

# Refresh translations/*.ts from the sources (new strings arrive unfinished; tst_translations fails
# until they are translated). Then translate them with Qt Linguist (`linguist translations/visor_pt_BR.ts`).
LUPDATE ?= /usr/lib/qt6/bin/lupdate
# visor_en.ts holds only the plural forms English needs ("1 box", "2 boxes"), filled by a script.
translations: deps
	$(LUPDATE) -locations relative -no-obsolete engine widgets app/gui -ts translations/visor_pt_BR.ts
	$(LUPDATE) -pluralonly -locations relative -no-obsolete engine widgets app/gui -target-language en \
		-ts translations/visor_en.ts
	python3 scripts/fill-english-plurals.py translations/visor_en.ts
	$(LUPDATE) -pluralonly -locations relative -no-obsolete engine widgets app/gui -target-language en \
		-ts translations/visor_en.ts
