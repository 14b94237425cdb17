# Quick start:
#   make run    install what is missing, build, and code the bundled example stories
#   make test   install what is missing, build, and run the unit tests and validation guards
#               (under scripts/with-postgres.sh, so the PostgreSQL store tests run too)
# Other targets: build, asan (tests under AddressSanitizer + UBSan), fuzz (libFuzzer targets,
# FUZZ_SECONDS each, default 60), bench (throughput table, bench/run.sh), validate, format,
# clean, dicts (regenerate dictionaries/actors/countries.txt from iso-codes and dictionaries/src/).

BUILD ?= build
JOBS ?= $(shell nproc)
DEBIAN_PACKAGES = cmake g++ make pkg-config libgtest-dev libpugixml-dev nlohmann-json3-dev \
                  libsqlite3-dev wordnet-base libgeonames-dev iso-codes clang libclang-rt-14-dev
# The PostgreSQL store: client library, and the server the tests run (scripts/with-postgres.sh).
DEBIAN_PACKAGES += libpq-dev postgresql
# The HTML story view's browser test (tests/html_view_test.cc) renders the page in headless chromium.
DEBIAN_PACKAGES += chromium
# Google Benchmark for bench/stages_bench.cc (optional: built only when found).
DEBIAN_PACKAGES += libbenchmark-dev
# mimalloc for the eventcoder CLI (optional: linked only when found; see CMakeLists.txt).
DEBIAN_PACKAGES += libmimalloc-dev
SHARED ?= ../shared
FUZZ_SECONDS ?= 60

.PHONY: all deps build run test asan fuzz validate format clean dicts bench

all: build

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/eventcoder code --explain examples/stories.txt

# The PostgreSQL tests read EVENTCODER_TEST_PG, which scripts/with-postgres.sh sets for a
# throw-away server it starts and removes (when it is already set, that server is used).
test: build
	scripts/with-postgres.sh sh -c 'cd $(BUILD) && ctest --output-on-failure -j $(JOBS)'

asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DEVENTCODER_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	scripts/with-postgres.sh sh -c 'cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)'

fuzz: deps
	JOBS=$(JOBS) fuzz/run.sh $(FUZZ_SECONDS)

validate: build
	$(BUILD)/eventcoder validate $(SHARED)/validation/petrarch/PETR.UnitTest.records.xml
	$(BUILD)/eventcoder validate --ignore-parse $(SHARED)/validation/petrarch/PETR.UnitTest.records.xml

# Throughput table (bench/run.sh): Release build in build-release/, corpora in build/bench/.
bench: deps
	bench/run.sh

dicts: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS) --target gen_countries
	$(BUILD)/gen_countries /usr/share/iso-codes/json/iso_3166-1.json dictionaries/src/capitals.txt \
	  dictionaries/src/country_extras.txt dictionaries/actors/countries.txt

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) build-asan build-fuzz
