# The README's two commands — `make run` and `make test` — each do their own set-up.
BUILD_DIR   ?= build
SAN_DIR     ?= build-sanitize
BUILD_TYPE  ?= Release
JOBS        ?= $(shell nproc)
CMAKE_FLAGS ?=

export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE    ?= 5G

.PHONY: all deps configure build run test sanitize bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Until the workbench window exists: the headless demo. Creates the shapes project once, prints its
# health, trains the detector once (at most 5 minutes on two cores) and prints its test metrics.
run: build
	$(BUILD_DIR)/bin/visor-cli demo --train

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

sanitize: deps
	cmake -S . -B $(SAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVISOR_SANITIZE=ON -DVISOR_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(SAN_DIR) -j $(JOBS)
	cd $(SAN_DIR) && QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

bench: build
	@bash scripts/install-deps.sh --bench
	$(BUILD_DIR)/bin/bench_store
	$(BUILD_DIR)/bin/bench_augment
	$(BUILD_DIR)/bin/bench_train digits --minutes 5

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(SAN_DIR)
